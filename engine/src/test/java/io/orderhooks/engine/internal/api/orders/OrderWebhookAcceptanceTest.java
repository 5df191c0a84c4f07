package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderWebhookAcceptanceTest {

    final List<byte[]> delivered = new CopyOnWriteArrayList<>();
    final WebhookSink sink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(true, null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            delivered.add(payload);
        }
    };
    final ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(CommerceFixture.CHECKOUT), a -> a.webhookSink(sink));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aPostWebhookOnSubmitGetsTheRouteTemplateItsParametersAndTheSubmittedOrder() throws IOException {
        CommerceFixture.seed(api);
        Caller seller = Caller.seller("admin", api.engine().context().config().sellerOrgID(), null, "FullAccess");
        api.engine().webhooks().create(seller, new Webhook("submitted", "Order submitted", null, "https://merchant.example/hooks",
                "hook-key", null, null, false, List.of(CommerceFixture.CLIENT),
                List.of(new WebhookRoute("v1/orders/{direction}/{orderID}/submit", "POST")), null, null, null, null));
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 1))));
        ok(api.post("/v1/orders/Outgoing/o1/calculate", shopper, null));
        assertThat(delivered).isEmpty();

        assertThat(api.post("/v1/orders/Outgoing/o1/submit", shopper, null).status()).isEqualTo(201);

        assertThat(delivered).hasSize(1);
        JsonNode payload = OrderCloudJson.mapper().readTree(delivered.get(0));
        assertThat(payload.get("Route").asText()).isEqualTo("v1/orders/{direction}/{orderID}/submit");
        assertThat(payload.get("Verb").asText()).isEqualTo("POST");
        assertThat(payload.get("RouteParams").get("direction").asText()).isEqualTo("Outgoing");
        assertThat(payload.get("RouteParams").get("orderID").asText()).isEqualTo("o1");
        assertThat(payload.at("/Response/Body/ID").asText()).isEqualTo("o1");
        assertThat(payload.at("/Response/Body/Status").asText()).isEqualTo("Open");
        assertThat(payload.at("/Response/Body/Total").decimalValue()).isEqualByComparingTo("17.25");
        assertThat(payload.get("UserToken").asText()).isEqualTo(shopper);
    }
}
