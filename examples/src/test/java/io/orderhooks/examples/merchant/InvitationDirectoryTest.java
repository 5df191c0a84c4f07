package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookTestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationDirectoryTest {

    private static final String KEY = "post-key";
    private final InvitationDirectory directory = new InvitationDirectory();
    private final WebhookTestClient client = WebhookTestClient.signed(
            directory.registerInto(WebhooksDispatcher.builder().hashKeys(KEY)).build(), KEY);

    @Test
    void recordsACollectionInvitationsXpFromTheCreatePostWebhook() {
        client.post(WebhookPayloads.forRoute("v1/me/productcollections/{productCollectionID}/invitations", "POST")
                .param("productCollectionID", "favs").requestBody(Map.of("Name", "Pat"))
                .responseBody(Map.of("ID", "inv-1", "Name", "Pat", "xp", Map.of("EmailDomain", "example.com"))).build());

        assertThat(directory.xpOf(InvitationDirectory.Kind.PRODUCT_COLLECTION, "inv-1")).hasValueSatisfying(
                xp -> assertThat(xp.path("EmailDomain").asText()).isEqualTo("example.com"));
        assertThat(directory.xpOf(InvitationDirectory.Kind.GROUP_ORDER, "inv-1")).isEmpty();
    }

    @Test
    void followsPatchesAndDeletesOfGroupOrderInvitations() {
        client.post(WebhookPayloads.forRoute("v1/me/orderinvitations", "POST").requestBody(Map.of("OrderID", "o1"))
                .responseBody(Map.of("ID", "inv-2", "OrderID", "o1", "xp", Map.of("Budget", 40))).logId("a").build());
        client.post(WebhookPayloads.forRoute("v1/me/orderinvitations/{invitationID}", "PATCH").param("invitationID", "inv-2")
                .requestBody(Map.of("xp", Map.of("Budget", 55))).logId("b")
                .responseBody(Map.of("ID", "inv-2", "OrderID", "o1", "xp", Map.of("Budget", 55))).build());

        assertThat(directory.xpOf(InvitationDirectory.Kind.GROUP_ORDER, "inv-2").orElseThrow().path("Budget").asInt()).isEqualTo(55);

        client.post(WebhookPayloads.forRoute("v1/me/orderinvitations/{invitationID}", "DELETE").param("invitationID", "inv-2")
                .logId("c").build());
        assertThat(directory.xpOf(InvitationDirectory.Kind.GROUP_ORDER, "inv-2")).isEmpty();
    }

    @Test
    void anInvitationWithoutXpIsRecordedAsEmpty() throws InterruptedException {
        client.post(WebhookPayloads.forRoute("v1/me/orderinvitations", "POST")
                .responseBody(Map.of("ID", "inv-3", "OrderID", "o1")).build());

        assertThat(directory.await(InvitationDirectory.Kind.GROUP_ORDER, "inv-3", Duration.ofSeconds(5))).isTrue();
        assertThat(directory.xpOf(InvitationDirectory.Kind.GROUP_ORDER, "inv-3").orElseThrow().isEmpty()).isTrue();
        assertThat(directory.await(InvitationDirectory.Kind.GROUP_ORDER, "never", Duration.ofMillis(10))).isFalse();
    }
}
