package io.orderhooks.engine.internal.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.collections.CollectionsFixture;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.engine.internal.store.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSenderTest {

    final CollectionsFixture f = new CollectionsFixture();
    final Caller trigger = Caller.buyer("u2", "b1", "shop", "Shopper");

    @Test
    void deliversOneNotificationPerRecipientToEveryWebhookSubscribedToTheType() throws Exception {
        f.subscribe("a", null, "CartPurged");
        f.subscribe("b", List.of("shop"), "CartPurged", "Other");
        int sent = f.engine.messages().send(trigger, "CartPurged", "b1", List.of("own", "u3"), "b1",
                OrderCloudJson.mapper().createObjectNode().put("OrderID", "o1"));
        assertThat(sent).isEqualTo(4);
        assertThat(f.delivered).extracting(d -> d.endpoint().id() + ":" + d.notification().recipient().id())
                .containsExactly("a:own", "b:own", "a:u3", "b:u3");
        MessageNotification n = OrderCloudJson.mapper().readValue(f.delivered.get(0).payload(), MessageNotification.class);
        assertThat(n.eventBody().path("OrderID").asText()).isEqualTo("o1");
        assertThat(n.ccList()).isEmpty();
        assertThat(n.userToken()).isNull();
    }

    @Test
    void ignoresWebhooksOfOtherTypesOtherVerbsAndOtherApiClients() {
        f.subscribe("types", null, "Other");
        f.subscribe("clients", List.of("another-app"), "CartPurged");
        f.webhooks.add(new Webhook("verb", "verb", null, "https://x", null, null, null, false, null,
                List.of(new WebhookRoute("CartPurged", "POST")), null, null, null, null));
        assertThat(f.engine.messages().send(trigger, "CartPurged", "b1", List.of("own"), "b1", null)).isZero();
        assertThat(f.delivered).isEmpty();
    }

    @Test
    void skipsUnknownRecipients() {
        f.subscribe("a", null, "CartPurged");
        assertThat(f.engine.messages().send(trigger, "CartPurged", "b1", List.of("ghost", "own"), "b1", null)).isEqualTo(1);
    }

    @Test
    void aSinkThatThrowsDoesNotFailTheSender() {
        WebhookSink broken = new WebhookSink() {
            @Override
            public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
                throw new IllegalStateException("down");
            }

            @Override
            public void after(WebhookEndpoint hook, byte[] payload) {
                throw new IllegalStateException("down");
            }
        };
        Engine engine = Engine.builder().passwordHasher(new io.orderhooks.engine.internal.orgs.PasswordHasher(1)).webhookSink(broken).build();
        CollectionsFixture.seed(engine, f.seller);
        engine.context().store().table(Tables.WEBHOOKS).put("a", new Webhook("a", "a", null, "https://x", null, null, null,
                false, null, List.of(new WebhookRoute("CartPurged", "MESSAGE")), null, null, null, null));
        assertThat(engine.messages().send(trigger, "CartPurged", "b1", List.of("own"), "b1", null)).isZero();
    }

    @Test
    void readsSubscriptionsFromTheStoreByDefault() {
        List<byte[]> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Engine engine = Engine.builder().passwordHasher(new io.orderhooks.engine.internal.orgs.PasswordHasher(1)).webhookSink(new WebhookSink() {
            @Override
            public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
                return new PreHookDecision(true, null, null);
            }

            @Override
            public void after(WebhookEndpoint hook, byte[] payload) {
                got.add(payload);
            }
        }).build();
        CollectionsFixture.seed(engine, f.seller);
        engine.context().store().table(Tables.WEBHOOKS).put("a", new Webhook("a", "a", null, "https://x", null, null, null,
                false, List.of(), List.of(new WebhookRoute("CartPurged", "message")), null, null, null, null));
        assertThat(engine.messages().send(trigger, "CartPurged", "b1", List.of("own"), "b1", null)).isEqualTo(1);
        assertThat(got).hasSize(1);
    }

    @Test
    void aLazyEventBodyIsBuiltOnceWhenSomeoneReceivesTheMessageAndNeverWhenNobodyDoes() {
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<com.fasterxml.jackson.databind.JsonNode> body = () -> {
            built.incrementAndGet();
            return OrderCloudJson.mapper().createObjectNode().put("OrderID", "o1");
        };
        assertThat(f.engine.messages().sendLazily(trigger, "CartPurged", "b1", List.of("own", "u3"), "b1", body)).isZero();
        assertThat(built).as("nobody subscribes").hasValue(0);
        f.subscribe("a", null, "CartPurged");
        f.subscribe("b", null, "CartPurged");
        assertThat(f.engine.messages().sendLazily(trigger, "CartPurged", "b1", List.of("own", "u3"), "b1", body)).isEqualTo(4);
        assertThat(built).as("one body for four notifications").hasValue(1);
    }
}
