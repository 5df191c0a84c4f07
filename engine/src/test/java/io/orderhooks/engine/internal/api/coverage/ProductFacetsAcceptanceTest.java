package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code v1/productfacets} and the {@code Meta.Facets} counts of {@code v1/products} and {@code v1/me/products}. */
class ProductFacetsAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    String admin;

    @BeforeEach
    void seed() {
        CommerceFixture.seed(api); // widget and gadget, both xp.Color blue
        admin = api.adminToken();
        product("shirt", Map.of("Color", "red", "Dims", Map.of("Size", "M"), "tags", List.of("sale", "new")));
        product("hat", Map.of("Color", "red", "Dims", Map.of("Size", "M"), "tags", List.of("sale", "sale")));
        product("sock", Map.of("Color", "green", "Dims", Map.of("Size", "S"), "tags", "sale"));
        ok(api.post("/v1/productfacets", admin, json(Map.of("ID", "color", "Name", "Color", "XpPath", "Color", "ListOrder", 2))));
        ok(api.post("/v1/productfacets", admin, json(Map.of("ID", "size", "Name", "Size", "XpPath", "Dims.Size", "ListOrder", 1,
                "MinCount", 2))));
        ok(api.post("/v1/productfacets", admin, json(Map.of("ID", "tags", "Name", "Tags", "ListOrder", 3))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    void product(String id, Map<String, Object> xp) {
        ok(api.post("/v1/products", admin, json(Map.of("ID", id, "Name", id, "Active", true, "DefaultPriceScheduleID", "ps-widget",
                "xp", xp))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat1", "ProductID", id))));
    }

    /** Meta.Facets as "Name@XpPath: value=count, ...". */
    static List<String> facets(Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : ok(r).body().at("/Meta/Facets")) {
            List<String> values = new ArrayList<>();
            f.get("Values").forEach(v -> values.add(v.get("Value").asText() + "=" + v.get("Count").asInt()));
            out.add(f.get("Name").asText() + "@" + f.get("XpPath").asText() + ": " + String.join(", ", values));
        }
        return out;
    }

    @Test
    void productListsCountEveryFacetOverAllMatchesNotOnlyThePageInListOrder() {
        Response page = api.get("/v1/products?pageSize=1", admin);

        assertThat(page.body().get("Items")).hasSize(1);
        assertThat(page.body().at("/Meta/TotalCount").asInt()).isEqualTo(5);
        assertThat(facets(page)).containsExactly(
                "Size@Dims.Size: M=2",
                "Color@Color: blue=2, red=2, green=1",
                "Tags@tags: sale=3, new=1");
    }

    @Test
    void aShoppersFiltersAndSearchNarrowTheCounts() {
        String shopper = CommerceFixture.shopper(api);

        assertThat(facets(api.get("/v1/me/products?xp.Color=red", shopper))).containsExactly(
                "Size@Dims.Size: M=2", "Color@Color: red=2", "Tags@tags: sale=2, new=1");
        assertThat(facets(api.get("/v1/me/products?search=sock", shopper))).containsExactly(
                "Size@Dims.Size: ", "Color@Color: green=1", "Tags@tags: sale=1");
    }

    @Test
    void withoutFacetsTheListAnswersAnEmptyFacetArray() {
        for (String id : List.of("color", "size", "tags")) {
            ok(api.delete("/v1/productfacets/" + id, admin));
        }
        Response page = ok(api.get("/v1/products", admin));

        assertThat(page.body().at("/Meta/Facets").isArray()).isTrue();
        assertThat(page.body().at("/Meta/Facets")).isEmpty();
    }

    @Test
    void facetsAreAdministeredLikeOrderCloudsWithItsErrors() {
        Response created = ok(api.post("/v1/productfacets", admin, json(Map.of("Name", "Brand", "xp", Map.of("a", 1)))));
        String id = created.body().get("ID").asText();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("XpPath").asText()).as("XpPath defaults to the ID").isEqualTo(id);
        assertThat(created.body().get("MinCount").asInt()).isZero();

        JsonNode patched = ok(api.patch("/v1/productfacets/" + id, admin, json(Map.of("MinCount", 3, "xp", Map.of("b", 2))))).body();
        assertThat(patched.get("Name").asText()).isEqualTo("Brand");
        assertThat(patched.get("MinCount").asInt()).isEqualTo(3);
        assertThat(patched.get("xp").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(ok(api.get("/v1/productfacets?sortBy=ListOrder", admin)).body().at("/Meta/TotalCount").asInt()).isEqualTo(4);

        assertThat(outcome(api.post("/v1/productfacets", admin, json(Map.of("ID", "x1"))))).isEqualTo("400 ValidationFailure Name is required");
        assertThat(outcome(api.post("/v1/productfacets", admin, json(Map.of("ID", "x1", "Name", "X", "MinCount", -1)))))
                .isEqualTo("400 ValidationFailure MinCount must be 0 or more, was -1");
        assertThat(outcome(api.post("/v1/productfacets", admin, json(Map.of("ID", "x1", "Name", "X", "XpPath", "a..b")))))
                .isEqualTo("400 ValidationFailure XpPath must be a dotted path of xp keys (e.g. Color or Specs.Color), was a..b");
        assertThat(api.post("/v1/productfacets", admin, json(Map.of("ID", "color", "Name", "Again"))).status()).isEqualTo(409);
        assertThat(outcome(api.put("/v1/productfacets/color", admin, json(Map.of("ID", "other", "Name", "C")))))
                .isEqualTo("400 ValidationFailure ID cannot be changed: the path names color, the body other");
        assertThat(api.get("/v1/productfacets/x1", admin).status()).as("no refused write stored anything").isEqualTo(404);
        assertThat(ok(api.get("/v1/productfacets/color", admin)).body().get("Name").asText()).isEqualTo("Color");

        ok(api.delete("/v1/productfacets/" + id, admin));
        assertThat(api.get("/v1/productfacets/" + id, admin).body().at("/Errors/0/Data/ObjectType").asText()).isEqualTo("ProductFacet");
        assertThat(api.delete("/v1/productfacets/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void onlyMarketplaceOwnerUsersWithTheFacetRolesSeeOrChangeFacets() {
        String reader = api.adminToken("ProductFacetReader");
        assertThat(ok(api.get("/v1/productfacets", reader)).body().at("/Meta/TotalCount").asInt()).isEqualTo(3);
        assertThat(outcome(api.delete("/v1/productfacets/color", reader))).startsWith("403 Auth.InsufficientRoles");

        api.seedBuyer("b2", "u2", "bob@x", "pw-bob-12", CommerceFixture.CLIENT, "Shopper", "ProductFacetAdmin");
        String shopper = api.login(CommerceFixture.CLIENT, "bob@x", "pw-bob-12", "Shopper", "ProductFacetAdmin");
        assertThat(outcome(api.get("/v1/productfacets", shopper))).startsWith("403 Auth.UserNotAuthorizedToAdmin");
        assertThat(outcome(api.post("/v1/productfacets", shopper, json(Map.of("Name", "Mine"))))).startsWith("403 Auth.UserNotAuthorizedToAdmin");
    }

    static String outcome(Response r) {
        return r.status() + " " + r.errorCode() + " " + r.body().at("/Errors/0/Message").asText();
    }
}
