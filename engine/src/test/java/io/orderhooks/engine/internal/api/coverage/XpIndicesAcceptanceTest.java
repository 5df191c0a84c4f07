package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code v1/xpindices}: declarations by thing type and key, validated against OrderCloud's XpThingType. */
class XpIndicesAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();

    @AfterEach
    void stop() {
        api.close();
    }

    static String outcome(Response r) {
        return r.status() + " " + r.errorCode() + " " + r.body().at("/Errors/0/Message").asText();
    }

    @Test
    void anIndexIsDeclaredOnceListedAndRemovedByThingTypeAndKey() {
        String admin = api.adminToken("XpIndexAdmin");
        assertThat(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "order", "Key", "Region"))).status()).isEqualTo(204);
        assertThat(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Order", "Key", "Region"))).status()).isEqualTo(204);
        ok(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Address", "Key", "Geo.Zone"))));

        Response list = ok(api.get("/v1/xpindices", admin));
        assertThat(list.body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(list.body().at("/Items/1").toString()).isEqualTo("{\"ThingType\":\"Order\",\"Key\":\"Region\"}");
        assertThat(ok(api.get("/v1/xpindices?ThingType=Address", admin)).body().at("/Items/0/Key").asText()).isEqualTo("Geo.Zone");

        assertThat(api.delete("/v1/xpindices/Order/Region", admin).status()).isEqualTo(204);
        Response gone = api.delete("/v1/xpindices/Order/Region", admin);
        assertThat(outcome(gone)).startsWith("404 NotFound");
        assertThat(gone.body().at("/Errors/0/Data/ObjectType").asText()).isEqualTo("XpIndex");
    }

    @Test
    void anIndexNeedsAKnownThingTypeAndAnXpKeyAndOnlyTheMarketplaceOwnerDeclaresOne() {
        String admin = api.adminToken();
        assertThat(outcome(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Product", "Key", "Color")))))
                .startsWith("400 ValidationFailure ThingType must be one of Address, Variant, Order,");
        assertThat(outcome(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Order")))))
                .isEqualTo("400 ValidationFailure Key is required");
        assertThat(outcome(api.put("/v1/xpindices", admin, json(Map.of("ThingType", "Order", "Key", "a. b")))))
                .isEqualTo("400 ValidationFailure Key must be a dotted path of xp keys (e.g. Color or Specs.Color), was a. b");
        assertThat(ok(api.get("/v1/xpindices", admin)).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(outcome(api.get("/v1/xpindices", api.adminToken("ProductAdmin")))).startsWith("403 Auth.InsufficientRoles");

        api.seedBuyer("b1", "u1", "ann@x", "pw-ann-123", "shop", "Shopper", "XpIndexAdmin");
        String buyer = api.login("shop", "ann@x", "pw-ann-123", "Shopper", "XpIndexAdmin");
        assertThat(outcome(api.put("/v1/xpindices", buyer, json(Map.of("ThingType", "Order", "Key", "Region")))))
                .startsWith("403 Auth.UserNotAuthorizedToAdmin");
    }
}
