package io.orderhooks.engine.internal.api.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official OrderCloud JavaScript SDK runs {@code sdk-compat/product-facets-flow.mjs}: facets and an xp index
 * administered through {@code ProductFacets}/{@code XpIndices}, then the shopper's {@code Me.ListProducts} reads
 * {@code Meta.Facets} counted over all matching products (one page of one item), narrowed by an xp filter.
 */
class ProductFacetsSdkTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.clock(Clock.systemUTC()), a -> a);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theShoppersProductListCountsTheFacetsOverEveryMatchingProduct() throws Exception {
        CommerceFixture.seed(api);
        AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
        Map<String, String> env = Map.of("BASE_URL", api.baseUrl(), "ADMIN_CLIENT_ID", admin.clientID(),
                "ADMIN_CLIENT_SECRET", admin.clientSecret(), "SHOP_CLIENT_ID", CommerceFixture.CLIENT,
                "SHOPPER", CommerceFixture.USER, "SHOPPER_PASSWORD", CommerceFixture.PASSWORD);

        NodeScripts.Result r = NodeScripts.node("product-facets-flow.mjs", env, 120);

        assertThat(r.exitCode()).as("product-facets-flow.mjs failed:\n" + r.stdout() + r.stderr()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode result = OrderCloudJson.mapper().readTree(lines[lines.length - 1]);
        assertThat(result.get("all").toString()).isEqualTo("{\"Color\":\"red=2,blue=1\",\"Size\":\"M=2\"}");
        assertThat(result.get("red").toString()).isEqualTo("{\"Color\":\"red=2\",\"Size\":\"\"}");
        assertThat(result.get("redCount").asInt()).isEqualTo(2);
    }
}
