package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A product's read-only {@code SpecCount} and {@code VariantCount} follow its specs and variants, whatever clients send. */
class ProductCountsAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void specAndVariantCountsFollowTheAssignedSpecsAndGeneratedVariantsOnEveryRead() {
        CommerceFixture.seed(api);
        String admin = api.adminToken();
        ok(api.post("/v1/specs", admin, json(Map.of("ID", "size", "Name", "Size", "DefinesVariant", true))));
        ok(api.post("/v1/specs/size/options", admin, json(Map.of("ID", "s", "Value", "S"))));
        ok(api.post("/v1/specs/size/options", admin, json(Map.of("ID", "m", "Value", "M"))));
        ok(api.post("/v1/specs", admin, json(Map.of("ID", "note", "Name", "Gift note", "AllowOpenText", true))));
        ok(api.post("/v1/specs/productassignments", admin, json(Map.of("SpecID", "size", "ProductID", "widget"))));
        ok(api.post("/v1/specs/productassignments", admin, json(Map.of("SpecID", "note", "ProductID", "widget"))));
        assertThat(counts(ok(api.get("/v1/products/widget", admin)).body())).isEqualTo("specs 2, variants 0");

        assertThat(counts(ok(api.post("/v1/products/widget/variants/generate", admin, null)).body())).isEqualTo("specs 2, variants 2");
        JsonNode saved = ok(api.put("/v1/products/widget", admin, json(Map.of("ID", "widget", "Name", "Widget", "Active", true,
                "DefaultPriceScheduleID", "ps-widget", "SpecCount", 9, "VariantCount", 9)))).body();
        assertThat(counts(saved)).as("read-only counts ignore the body").isEqualTo("specs 2, variants 2");
        ok(api.delete("/v1/specs/note", admin));

        String shopper = CommerceFixture.shopper(api);
        assertThat(counts(ok(api.get("/v1/me/products/widget", shopper)).body())).isEqualTo("specs 1, variants 2");
        JsonNode items = ok(api.get("/v1/me/products?sortBy=ID", shopper)).body().get("Items");
        assertThat(counts(items.get(0))).as("gadget").isEqualTo("specs 0, variants 0");
        assertThat(counts(items.get(1))).as("widget").isEqualTo("specs 1, variants 2");
        assertThat(ok(api.get("/v1/products?SpecCount=1", admin)).body().at("/Items/0/ID").asText())
                .as("lists filter on the computed count").isEqualTo("widget");
    }

    static String counts(JsonNode product) {
        return "specs " + product.get("SpecCount").asInt() + ", variants " + product.get("VariantCount").asInt();
    }
}
