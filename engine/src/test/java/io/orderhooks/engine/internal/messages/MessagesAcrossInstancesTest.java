package io.orderhooks.engine.internal.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A message reads its subscriptions, recipient and senders together (one table-versions statement while they are
 * unchanged): two engines on one PostgreSQL database, a message subscription created or deleted on one is honoured by
 * the other's next message, although the other had read the subscriptions before.
 */
class MessagesAcrossInstancesTest {

    @Test
    void aSubscriptionCreatedOrDeletedOnOneInstanceHoldsForTheOthersNextMessage() {
        String url = TestPostgres.freshDatabase();
        List<String> deliveredByB = new CopyOnWriteArrayList<>();
        try (JdbcStore storeA = JdbcStores.postgresql(url, "postgres", "postgres", 4);
             JdbcStore storeB = JdbcStores.postgresql(url, "postgres", "postgres", 4)) {
            Engine a = Engine.builder().store(storeA).passwordHasher(new PasswordHasher(1)).build();
            Engine b = Engine.builder().store(storeB).passwordHasher(new PasswordHasher(1)).webhookSink(recording(deliveredByB)).build();
            Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
            a.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", null, true, null, null));
            a.orgs().saveUser(seller, "b1", User.builder().id("u1").username("ann").password("right-pw-1").active(true).build());
            Caller trigger = Caller.buyer("u1", "b1", "shop", "Shopper");

            assertThat(send(b, trigger)).isZero();
            assertThat(send(b, trigger)).isZero();

            a.webhooks().create(seller, new Webhook("mail", "Mail", null, "https://mail.example/hook", "key", null, null,
                    false, List.of(), List.of(new WebhookRoute("OrderShipped", "MESSAGE")), null, null, null, null));
            assertThat(send(b, trigger)).isEqualTo(1);
            assertThat(deliveredByB).containsExactly("mail");

            a.webhooks().delete(seller, "mail");
            assertThat(send(b, trigger)).isZero();
            assertThat(deliveredByB).containsExactly("mail");
        }
    }

    private static int send(Engine engine, Caller trigger) {
        return engine.messages().send(trigger, "OrderShipped", "b1", List.of("u1"), "b1",
                OrderCloudJson.mapper().createObjectNode().put("OrderID", "o1"));
    }

    private static WebhookSink recording(List<String> delivered) {
        return new WebhookSink() {
            @Override
            public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
                return new PreHookDecision(true, null, null);
            }

            @Override
            public void after(WebhookEndpoint hook, byte[] payload) {
                delivered.add(hook.id());
            }
        };
    }
}
