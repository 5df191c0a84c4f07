package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookTestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationGuardTest {

    private static final String KEY = "guard-key";
    private final InvitationDirectory directory = new InvitationDirectory();
    private final FakeLookups lookups = new FakeLookups();

    private PreWebhookResponse accept(InvitationGuard guard, String invitationID) {
        WebhooksDispatcher dispatcher = guard.registerInto(WebhooksDispatcher.builder().hashKeys(KEY)).build();
        return WebhookTestClient.signed(dispatcher, KEY).pre(WebhookPayloads
                .forRoute(InvitationGuard.ROUTE.route(), "POST")
                .param("productCollectionID", "lunch-favourites").param("invitationID", invitationID).build());
    }

    private void invitation(String id, Map<String, String> xp) {
        var node = JsonNodeFactory.instance.objectNode();
        xp.forEach(node::put);
        directory.record(InvitationDirectory.Kind.PRODUCT_COLLECTION, id, node);
    }

    @Test
    void letsAUserOfTheInvitedDomainAccept() {
        invitation("inv-1", Map.of("EmailDomain", "example.com"));
        lookups.userEmail("Pat@Example.COM");

        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1")).isEqualTo(PreWebhookResponse.proceed());
    }

    @Test
    void blocksAUserOfAnotherDomainWithAClearMessage() {
        invitation("inv-1", Map.of("EmailDomain", "example.com"));
        lookups.userEmail("kim@other.org");

        PreWebhookResponse answer = accept(new InvitationGuard(directory, lookups), "inv-1");

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().asText()).isEqualTo("This invitation is for example.com addresses; kim@other.org cannot accept it");
    }

    @Test
    void doesNotMistakeASubdomainOrLookalikeForTheDomain() {
        invitation("inv-1", Map.of("EmailDomain", "@example.com"));

        lookups.userEmail("kim@notexample.com");
        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1").shouldProceed()).isFalse();
        lookups.userEmail("kim@mail.example.com");
        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1").shouldProceed()).isFalse();
    }

    @Test
    void anExactEmailWinsOverTheDomain() {
        invitation("inv-1", Map.of("Email", "pat@example.com", "EmailDomain", "example.com"));
        lookups.userEmail("sam@example.com");

        PreWebhookResponse answer = accept(new InvitationGuard(directory, lookups), "inv-1");

        assertThat(answer.body().asText()).isEqualTo("This invitation is for pat@example.com; sam@example.com cannot accept it");
        lookups.userEmail("PAT@example.com");
        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1").shouldProceed()).isTrue();
    }

    @Test
    void blocksAUserWithoutAnEmailAddress() {
        invitation("inv-1", Map.of("EmailDomain", "example.com"));

        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1").body().asText())
                .isEqualTo("This invitation is for example.com addresses; user kim has no email address, so cannot accept it");
    }

    @Test
    void letsAnyoneAcceptAnInvitationWithoutARestriction() {
        invitation("inv-1", Map.of("Note", "for the team"));
        lookups.userEmail("kim@other.org");

        assertThat(accept(new InvitationGuard(directory, lookups), "inv-1").shouldProceed()).isTrue();
    }

    @Test
    void refusesAnInvitationTheDirectoryNeverSawUnlessToldOtherwise() {
        PreWebhookResponse answer = accept(new InvitationGuard(directory, lookups), "inv-9");

        assertThat(answer.body().asText()).isEqualTo("Invitation inv-9 is not on record with the merchant, so who may"
                + " accept it cannot be checked; ask the collection's owner for a new invitation");
        assertThat(accept(new InvitationGuard(directory, lookups).allowingUnknownInvitations(), "inv-9").shouldProceed()).isTrue();
    }
}
