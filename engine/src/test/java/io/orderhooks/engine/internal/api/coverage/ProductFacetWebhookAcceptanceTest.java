package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.RecordingWebhookSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes of {@code v1/productfacets} and {@code v1/xpindices} fire webhooks like every other write route. */
class ProductFacetWebhookAcceptanceTest {

    final RecordingWebhookSink sink = new RecordingWebhookSink();
    final List<JsonNode> delivered = sink.delivered();
    final ApiTestServer api = ApiTestServer.start(e -> e, a -> a.webhookSink(sink));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aPostWebhookGetsTheCreatedFacetAndTheDeclaredIndexButNotARefusedWrite() {
        Caller seller = Caller.seller("admin", api.engine().context().config().sellerOrgID(), null, "FullAccess");
        api.engine().webhooks().create(seller, new Webhook("facets", "Facet changes", null, "https://merchant.example/hooks",
                "hook-key", null, null, false, List.of(AdminBootstrap.LOCAL_DEFAULTS.clientID()),
                List.of(new WebhookRoute("v1/productfacets", "POST"), new WebhookRoute("v1/xpindices", "PUT")), null, null, null, null));
        String admin = api.adminToken();

        ok(api.post("/v1/productfacets", admin, json(Map.of("ID", "color", "Name", "Color"))));
        assertThat(api.post("/v1/productfacets", admin, json(Map.of("ID", "nameless"))).status()).isEqualTo(400);
        ok(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Order", "Key", "Region"))));

        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).get("Route").asText()).isEqualTo("v1/productfacets");
        assertThat(delivered.get(0).at("/Response/Body/XpPath").asText()).isEqualTo("color");
        assertThat(delivered.get(1).get("Route").asText()).isEqualTo("v1/xpindices");
        assertThat(delivered.get(1).at("/Request/Body/Key").asText()).isEqualTo("Region");
    }
}
