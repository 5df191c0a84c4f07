package io.orderhooks.engine.internal.api.coverage;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refusals of the new resources: category trees, card data, private cards and incrementors. */
class CoverageRulesAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();

    @AfterEach
    void stop() {
        api.close();
    }

    static String outcome(Response r) {
        return r.status() + " " + r.errorCode();
    }

    @Test
    void aCategoryCannotBecomeItsOwnAncestorNorHangUnderAMissingParent() {
        String admin = api.adminToken();
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat", "Name", "Main"))));
        ok(api.post("/v1/catalogs/cat/categories", admin, json(Map.of("ID", "a", "Name", "A"))));
        ok(api.post("/v1/catalogs/cat/categories", admin, json(Map.of("ID", "b", "Name", "B", "ParentID", "a"))));

        assertThat(outcome(api.patch("/v1/catalogs/cat/categories/a", admin, json(Map.of("ParentID", "b")))))
                .isEqualTo("400 Category.CircularReference");
        assertThat(outcome(api.post("/v1/catalogs/cat/categories", admin, json(Map.of("ID", "c", "Name", "C", "ParentID", "zz")))))
                .isEqualTo("400 Category.ParentNotFound");
        assertThat(outcome(api.get("/v1/catalogs/cat/categories?depth=0", admin))).isEqualTo("400 ValidationFailure");
        assertThat(ok(api.get("/v1/catalogs/cat/categories?depth=all", admin)).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(ok(api.get("/v1/catalogs/cat/categories/a", admin)).body().get("ChildCount").asInt()).isEqualTo(1);
        ok(api.delete("/v1/catalogs/cat/categories/a", admin));
        assertThat(outcome(api.get("/v1/catalogs/cat/categories/b", admin))).as("children go with their parent").isEqualTo("404 NotFound");
    }

    @Test
    void aCardKeepsOnlyTheLastFourDigitsAndAPrivateCardIsItsOwnersOnly() {
        api.seedBuyer("b1", "pat", "pat@x", "pw-shopper-1", "shop", "Shopper", "MeCreditCardAdmin");
        String admin = api.adminToken();
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", "sam", "Username", "sam@x", "Password", "pw-shopper-2",
                "FirstName", "Sam", "LastName", "S", "Email", "sam@example.com", "Active", true))));
        String pat = api.login("shop", "pat@x", "pw-shopper-1", "Shopper", "MeCreditCardAdmin");
        String sam = api.login("shop", "sam@x", "pw-shopper-2", "Shopper", "MeCreditCardAdmin");

        assertThat(outcome(api.post("/v1/me/creditcards", pat, json(Map.of("Token", "t", "PartialAccountNumber", "4111111111111111")))))
                .isEqualTo("400 ValidationFailure");
        Response saved = ok(api.post("/v1/me/creditcards", pat, json(Map.of("ID", "pc", "Token", "t", "CardNumber", "4111111111111111",
                "PartialAccountNumber", "1111"))));

        assertThat(saved.body().has("CardNumber")).isFalse();
        assertThat(ok(api.get("/v1/buyers/b1/creditcards/pc", admin)).body().toString()).doesNotContain("4111111111111111");
        assertThat(outcome(api.get("/v1/me/creditcards/pc", sam))).isEqualTo("404 NotFound");
        ok(api.post("/v1/buyers/b1/creditcards/assignments", admin, json(Map.of("CreditCardID", "pc", "UserID", "sam"))));
        assertThat(ok(api.get("/v1/me/creditcards/pc", sam)).body().get("Editable").asBoolean()).isFalse();
        assertThat(outcome(api.patch("/v1/me/creditcards/pc", sam, json(Map.of("CardholderName", "Sam")))))
                .isEqualTo("403 Auth.UserNotAuthorizedToAdmin");
    }

    @Test
    void incrementorsNumberNewIdsAndAnUnknownOneIsNotFound() {
        String admin = api.adminToken();
        ok(api.post("/v1/incrementors", admin, json(Map.of("ID", "sku", "Name", "SKUs", "LastNumber", 7, "LeftPaddingCount", 3))));

        ok(api.post("/v1/products", admin, json(Map.of("ID", "P-{sku}", "Name", "A"))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", "P-{sku}", "Name", "B"))));

        assertThat(ok(api.get("/v1/products/P-008", admin)).body().get("Name").asText()).isEqualTo("A");
        assertThat(ok(api.get("/v1/products/P-009", admin)).body().get("Name").asText()).isEqualTo("B");
        assertThat(ok(api.get("/v1/incrementors/sku", admin)).body().get("LastNumber").asInt()).isEqualTo(9);
        assertThat(outcome(api.post("/v1/products", admin, json(Map.of("ID", "P-{nope}", "Name", "C"))))).isEqualTo("404 NotFound");
    }
}
