package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.SharedCartSettings;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.internal.store.Tables;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCartPurgerTest {

    static final Duration MS = Duration.ofMillis(1);
    static final Duration WEEK = Duration.ofDays(7);

    SharedCartFixture f = new SharedCartFixture();
    Instant start;

    SharedCartPurger.Report runAt(Duration sinceStart) {
        f.clock.set(start.plus(sinceStart));
        return f.engine.sharedCartPurger().purgeDue();
    }

    void sharedCart(String id, int quantity) {
        f.cart(f.u1, id);
        if (quantity > 0) {
            f.add(f.u1, id, "P1", quantity, null);
        }
        f.carts().share(f.u1, id);
        start = f.clock.instant();
    }

    boolean exists(String id) {
        return f.engine.context().store().order(id).isPresent();
    }

    @Test
    void anEmptySharedCartIsPurgedAtExactlyFourHoursOfInactivity() {
        sharedCart("E", 0);
        assertThat(runAt(Duration.ofHours(4).minus(MS)).purged()).isEmpty();
        assertThat(exists("E")).isTrue();
        assertThat(runAt(Duration.ofHours(4)).purged()).containsExactly("E");
        assertThat(exists("E")).isFalse();
        assertThat(f.notices).isEmpty();
    }

    @Test
    void anEmptySharedCartOverdueIsPurgedOnTheNextPass() {
        sharedCart("E", 0);
        assertThat(runAt(Duration.ofHours(4).plus(MS)).purged()).containsExactly("E");
    }

    @Test
    void aNonEmptySharedCartIsPurgedAtExactlyEightWeeks() {
        sharedCart("S", 1);
        assertThat(runAt(Duration.ofHours(4)).purged()).isEmpty();
        assertThat(runAt(WEEK.multipliedBy(8).minus(MS)).purged()).isEmpty();
        assertThat(exists("S")).isTrue();
        assertThat(runAt(WEEK.multipliedBy(8)).purged()).containsExactly("S");
        assertThat(exists("S")).isFalse();
    }

    @Test
    void theNoticeGoesOutOnceAtSevenWeeksToTheSharerAndTheLastModifier() {
        sharedCart("S", 1);
        f.add(f.u2, "S", "P1", 1, null);
        start = f.clock.instant();
        assertThat(runAt(WEEK.multipliedBy(7).minus(MS)).noticed()).isEmpty();
        assertThat(f.notices).isEmpty();
        assertThat(runAt(WEEK.multipliedBy(7)).noticed()).containsExactly("S");
        assertThat(f.notices).singleElement().satisfies(n -> {
            assertThat(n.order().id()).isEqualTo("S");
            assertThat(n.recipientUserIDs()).containsExactly("u1", "u2");
            assertThat(n.purgeDue().toInstant()).isEqualTo(start.plus(WEEK.multipliedBy(8)));
        });
        assertThat(runAt(WEEK.multipliedBy(7).plus(MS)).noticed()).isEmpty();
        assertThat(runAt(WEEK.multipliedBy(8).minus(MS)).noticed()).isEmpty();
        assertThat(f.notices).hasSize(1);
    }

    @Test
    void aChangeStartsANewInactivityPeriodWithItsOwnNotice() {
        sharedCart("S", 1);
        runAt(WEEK.multipliedBy(7));
        assertThat(f.notices).hasSize(1);
        f.add(f.u3, "S", "P1", 1, null);
        start = f.clock.instant();
        assertThat(runAt(WEEK.multipliedBy(8).minus(MS)).purged()).isEmpty();
        assertThat(f.notices).hasSize(2);
        assertThat(f.notices.get(1).recipientUserIDs()).containsExactly("u1", "u3");
        assertThat(runAt(WEEK.multipliedBy(8)).purged()).containsExactly("S");
    }

    @Test
    void recipientsWhoLeftTheOrganizationOrWereDeactivatedAreSkipped() {
        sharedCart("S", 1);
        f.add(f.u2, "S", "P1", 1, null);
        start = f.clock.instant();
        User u2 = f.engine.orgs().getUser(f.seller, "b1", "u2");
        f.engine.orgs().saveUser(f.seller, "b1", u2.toBuilder().active(false).build());
        f.engine.orgs().deleteUser(f.seller, "b1", "u1");
        runAt(WEEK.multipliedBy(7));
        assertThat(f.notices).singleElement().satisfies(n -> assertThat(n.recipientUserIDs()).isEmpty());
    }

    @Test
    void settingsMoveEveryBoundary() {
        f.engine.sharedCartSettings().save(f.seller, new SharedCartSettings(true, 1, 3, 2));
        sharedCart("S", 1);
        f.cart(f.u2, "E");
        f.carts().share(f.u2, "E");
        assertThat(runAt(Duration.ofHours(1).minus(MS)).purged()).isEmpty();
        assertThat(runAt(Duration.ofHours(1)).purged()).containsExactly("E");
        assertThat(runAt(WEEK.minus(MS)).noticed()).isEmpty();
        assertThat(runAt(WEEK).noticed()).containsExactly("S");
        assertThat(runAt(WEEK.multipliedBy(3).minus(MS)).purged()).isEmpty();
        assertThat(runAt(WEEK.multipliedBy(3)).purged()).containsExactly("S");
    }

    @Test
    void purgingContinuesWhileTheFeatureIsDisabled() {
        sharedCart("E", 0);
        f.engine.sharedCartSettings().save(f.seller, new SharedCartSettings(false, 4, 8, 1));
        assertThat(runAt(Duration.ofHours(4)).purged()).containsExactly("E");
    }

    @Test
    void submittedAndPersonalOrdersAreNeverPurged() {
        sharedCart("S", 1);
        f.engine.submit().submit(f.u2, Outgoing, "S", "tok");
        f.cart(f.u1, "P");
        SharedCartPurger.Report r = runAt(WEEK.multipliedBy(52));
        assertThat(r.purged()).isEmpty();
        assertThat(r.noticed()).isEmpty();
        assertThat(exists("S")).isTrue();
        assertThat(exists("P")).isTrue();
    }

    @Test
    void theDefaultSenderDeliversAMessageEventToSubscribedWebhooks() {
        f = new SharedCartFixture(false);
        JsonNode config = OrderCloudJson.mapper().createObjectNode().put("Template", "purge");
        f.engine.context().store().table(Tables.WEBHOOKS).put("mail", new Webhook("mail", "Mail", null, "https://mail.example/hook", "key",
                null, config, false, List.of(), List.of(new WebhookRoute("SharedCartPurgeImminent", "MESSAGE")), null, null, null, null));
        f.engine.context().store().table(Tables.WEBHOOKS).put("other", new Webhook("other", "Other", null, "https://other.example/hook", null,
                null, null, false, List.of(), List.of(new WebhookRoute("v1/orders/{direction}", "POST")), null, null, null, null));
        sharedCart("S", 1);
        runAt(WEEK.multipliedBy(7));
        assertThat(f.delivered).hasSize(1);
        JsonNode n = readTree(f.delivered.get(0));
        assertThat(n.get("MessageType").asText()).isEqualTo("SharedCartPurgeImminent");
        assertThat(n.get("BuyerID").asText()).isEqualTo("b1");
        assertThat(n.get("Environment").asText()).isEqualTo("Sandbox");
        assertThat(n.get("Recipient").get("ID").asText()).isEqualTo("u1");
        assertThat(n.get("Recipient").get("Password").isNull()).isTrue();
        assertThat(n.get("EventBody").get("Order").get("ID").asText()).isEqualTo("S");
        assertThat(n.get("EventBody").get("Order").get("SharedWithOrganization").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(n.get("EventBody").get("PurgeDate").asText()).toInstant()).isEqualTo(start.plus(WEEK.multipliedBy(8)));
        assertThat(n.get("ConfigData")).isEqualTo(config);
    }

    static JsonNode readTree(byte[] bytes) {
        try {
            return OrderCloudJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
