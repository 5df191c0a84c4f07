package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.JsonLimits;
import io.orderhooks.engine.internal.api.IdGrammar;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each class of hostile input from the security review, sent as the reviewer sent it: refused with OrderCloud's
 * error shape and exact code, and nothing changed (the object reads back as before; lists still answer 200).
 */
class InputHardeningAcceptanceTest {

    ApiTestServer api;
    String admin;
    String shopper;

    @BeforeEach
    void seed() {
        api = CommerceFixture.start();
        CommerceFixture.seed(api);
        admin = api.adminToken();
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "addr", "Name", "addr", "Roles", List.of("MeAddressAdmin")))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "addr", "BuyerID", "b1"))));
        shopper = api.login(CommerceFixture.CLIENT, CommerceFixture.USER, CommerceFixture.PASSWORD, "Shopper", "MeAdmin", "MeAddressAdmin");
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1", "xp", Map.of("Note", "before")))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aNumberThatCannotBeWrittenBackIsRefusedInOrderXpUserXpAddressesAndPayments() {
        JsonNode order = ok(api.get("/v1/orders/Outgoing/o1", shopper)).body();
        JsonNode me = ok(api.get("/v1/me", shopper)).body();
        Response xp = api.send("PATCH", "/v1/orders/Outgoing/o1", shopper, "application/json", "{\"xp\":{\"n\":1e10000}}");
        assertInvalidJson(xp);
        assertThat(xp.body().at("/Errors/0/Data/Path").asText()).isEqualTo("xp.n");
        assertInvalidJson(api.send("PATCH", "/v1/me", shopper, "application/json", "{\"xp\":{\"n\":1e10000}}"));
        assertInvalidJson(api.send("POST", "/v1/me/addresses", shopper, "application/json",
                "{\"Street1\":\"1 Main\",\"City\":\"X\",\"Country\":\"US\",\"xp\":{\"n\":-1e-10000}}"));
        Response amount = api.send("POST", "/v1/orders/Outgoing/o1/payments", shopper, "application/json",
                "{\"Type\":\"PurchaseOrder\",\"Amount\":1e10000}");
        assertInvalidJson(amount);
        assertThat(amount.body().at("/Errors/0/Data/Path").asText()).isEqualTo("Amount");

        assertThat(ok(api.get("/v1/orders/Outgoing/o1", shopper)).body()).isEqualTo(order);
        assertThat(ok(api.get("/v1/me", shopper)).body()).isEqualTo(me);
        assertThat(ok(api.get("/v1/orders/Incoming", admin)).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(ok(api.get("/v1/buyers/b1/users", admin)).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(ok(api.get("/v1/me/addresses", shopper)).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(ok(api.get("/v1/orders/Outgoing/o1/payments", shopper)).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void nestingDeeperThanTheRequestLimitIsRefusedSoCheckoutKeepsWorking() {
        String deep = "{\"a\":".repeat(996) + "1" + "}".repeat(996);
        Response line = api.send("PATCH", "/v1/orders/Outgoing/o1/lineitems/l1", shopper, "application/json",
                "{\"xp\":" + deep + "}");
        assertInvalidJson(line);
        assertThat(line.body().at("/Errors/0/Message").asText()).contains("nesting depth");
        String limit = "{\"a\":".repeat(JsonLimits.MAX_REQUEST_DEPTH - 2) + "1" + "}".repeat(JsonLimits.MAX_REQUEST_DEPTH - 2);
        ok(api.send("PATCH", "/v1/orders/Outgoing/o1/lineitems/l1", shopper, "application/json", "{\"xp\":" + limit + "}"));

        assertThat(ok(api.post("/v1/orders/Outgoing/o1/estimateshipping", shopper, null)).status()).isEqualTo(200);
        assertThat(ok(api.post("/v1/orders/Outgoing/o1/calculate", shopper, null)).status()).isEqualTo(200);
        assertThat(ok(api.get("/v1/orders/Outgoing/o1/lineitems", shopper)).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void trailingContentAndNumbersOfTheWrongTypeAreRefusedNamingTheField() {
        assertInvalidJson(api.send("POST", "/v1/orders/Outgoing/o1/lineitems", shopper, "application/json",
                "{\"ProductID\":\"gadget\",\"Quantity\":1}xyz"));
        Response fraction = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, "{\"ProductID\":\"gadget\",\"Quantity\":1.5}");
        assertInvalidJson(fraction);
        assertThat(fraction.body().at("/Errors/0/Data/Path").asText()).isEqualTo("Quantity");
        Response text = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, "{\"ProductID\":\"gadget\",\"Quantity\":\"5\"}");
        assertInvalidJson(text);
        assertThat(text.body().at("/Errors/0/Data/Path").asText()).isEqualTo("Quantity");
        assertInvalidJson(api.patch("/v1/orders/Outgoing/o1/lineitems/l1", shopper, "{\"Quantity\":2.5}"));

        JsonNode lines = ok(api.get("/v1/orders/Outgoing/o1/lineitems", shopper)).body();
        assertThat(lines.at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(lines.at("/Items/0/Quantity").asInt()).isEqualTo(2);
    }

    @Test
    void idsOutsideTheGrammarAreRefusedOnCreateInThePathAndInTheBody() {
        List<String> bad = List.of(".", "..", "a\u0000b", "x\u202Eexe.txt", "a".repeat(5000), "a b", "a/b", "");
        for (String id : bad) {
            Response body = api.post("/v1/products", admin, json(Map.of("ID", id, "Name", "Bad")));
            assertThat(body.status()).as("POST ID %s", id.length() > 20 ? id.length() + " chars" : id).isEqualTo(400);
            assertThat(body.errorCode()).isEqualTo("InvalidID");
        }
        Response longPath = api.put("/v1/products/" + "a".repeat(IdGrammar.MAX_LENGTH + 1), admin, json(Map.of("Name", "Bad")));
        assertThat(longPath.errorCode()).isEqualTo("InvalidID");
        Response rlo = api.put("/v1/products/" + URLEncoder.encode("x\u202Eexe", StandardCharsets.UTF_8), admin,
                json(Map.of("Name", "Bad")));
        assertThat(rlo.errorCode()).isEqualTo("InvalidID");
        assertThat(rlo.body().at("/Errors/0/Data/Field").asText()).isEqualTo("productID");
        ok(api.post("/v1/products", admin, json(Map.of("ID", "A-z_09-" + "a".repeat(IdGrammar.MAX_LENGTH - 7), "Name", "Longest"))));

        assertThat(ok(api.get("/v1/products", admin)).body().at("/Meta/TotalCount").asInt()).isEqualTo(3);
    }

    @Test
    void anotherBuyersOrderIdIsNotRevealedByTheCreateAnswer() {
        api.seedBuyer("b2", "z1", "zed", "pw-zed-1", CommerceFixture.CLIENT, "Shopper");
        String zed = api.login(CommerceFixture.CLIENT, "zed", "pw-zed-1", "Shopper");
        Response foreign = api.post("/v1/orders/Outgoing", zed, json(Map.of("ID", "o1")));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorCode()).isEqualTo("InvalidID");
        assertThat(foreign.body().toString()).doesNotContain("exists");
        Response own = api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1")));
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.errorCode()).isEqualTo("IdExists");
        assertThat(ok(api.get("/v1/orders/Outgoing", zed)).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    static void assertInvalidJson(Response r) {
        assertThat(r.status()).as("status of %s", r.body()).isEqualTo(400);
        assertThat(r.body().get("Errors")).hasSize(1);
        assertThat(r.errorCode()).isEqualTo("Request.InvalidJson");
    }
}
