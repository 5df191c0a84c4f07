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

/**
 * Read-only counts follow the data, whatever clients send: a product's {@code SpecCount} and {@code VariantCount}
 * (its specs and variants), a catalog's {@code CategoryCount} (its categories at any depth).
 */
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

    @Test
    void aCatalogsCategoryCountIsEveryCategoryInItAtAnyDepth() {
        CommerceFixture.seed(api);
        String admin = api.adminToken();
        ok(api.post("/v1/catalogs/cat1/categories", admin, json(Map.of("ID", "tops", "Name", "Tops"))));
        ok(api.post("/v1/catalogs/cat1/categories", admin, json(Map.of("ID", "shirts", "Name", "Shirts", "ParentID", "tops"))));
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Prefix of cat1, no categories"))));

        assertThat(ok(api.get("/v1/catalogs/cat1", admin)).body().get("CategoryCount").asInt()).isEqualTo(2);
        assertThat(ok(api.get("/v1/catalogs/cat", admin)).body().get("CategoryCount").asInt()).isZero();
        JsonNode saved = ok(api.put("/v1/catalogs/cat1", admin, json(Map.of("ID", "cat1", "Name", "Main", "CategoryCount", 9)))).body();
        assertThat(saved.get("CategoryCount").asInt()).as("read-only count ignores the body").isEqualTo(2);
        assertThat(ok(api.get("/v1/me/catalogs", CommerceFixture.shopper(api))).body().at("/Items/0/CategoryCount").asInt()).isEqualTo(2);

        ok(api.delete("/v1/catalogs/cat1/categories/tops", admin));
        assertThat(ok(api.get("/v1/catalogs?ID=cat1", admin)).body().at("/Items/0/CategoryCount").asInt()).isZero();
    }

    static String counts(JsonNode product) {
        return "specs " + product.get("SpecCount").asInt() + ", variants " + product.get("VariantCount").asInt();
    }
}
