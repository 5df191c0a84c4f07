package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of the engine API, called by a FullAccess admin and by a shopper with malformed bodies and with
 * unknown or real IDs, answers an OrderCloud error (or success), never a 500. Hostile JSON (huge numbers, deep
 * nesting, trailing content, bad IDs) is refused on every write route with the exact code, and wrong numeric types
 * never become a 500; afterwards the order reads back as before and the lists still answer 200.
 */
class BadInputAcceptanceTest {

    static ApiTestServer api;
    static String admin;
    static String shopper;

    /** Path parameters: a real ID of the fixture where there is one; {@code nope} otherwise. */
    static final Map<String, String> REAL = Map.of("direction", "Outgoing", "orderID", "o1", "productID", "widget",
            "buyerID", "b1", "catalogID", "cat1", "priceScheduleID", "ps-widget", "apiClientID", CommerceFixture.CLIENT,
            "userID", "u1", "lineItemID", "l1");

    @BeforeAll
    static void seed() {
        api = CommerceFixture.start();
        CommerceFixture.seed(api);
        admin = api.adminToken();
        shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"ID\":", "[1,2]", "{\"ID\":7,\"Quantity\":\"many\",\"xp\":[],\"Active\":\"yes\",\"Expiration\":\"soon\"}",
            "{\"ID\":\"x/y\",\"Name\":null,\"Specs\":{\"a\":1},\"PriceBreaks\":\"none\"}", "\"just a string\"", ""})
    void noRouteAnswers500ForAMalformedBodyOrAnUnknownOrRealID(String body) {
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : api.api().routes()) {
            for (boolean real : new boolean[] {false, true}) {
                for (String token : new String[] {admin, shopper}) {
                    String path = "/" + fill(route.template(), real);
                    Response r = api.send(route.verb(), path, token, body.isEmpty() ? null : "application/json", body.isEmpty() ? null : body);
                    if (r.status() >= 500) {
                        failures.add(route.verb() + " " + path + " → " + r.status() + " " + r.body());
                    }
                }
            }
        }
        assertThat(failures).as("routes answering 5xx").isEmpty();
    }

    /** A freshly seeded server (the sweep above deletes the shared fixture's objects and revokes its tokens). */
    record Seeded(ApiTestServer api, String admin, String shopper) implements AutoCloseable {
        static Seeded start() {
            ApiTestServer api = CommerceFixture.start();
            CommerceFixture.seed(api);
            String shopper = CommerceFixture.shopper(api);
            ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
            ok(api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ID", "l1", "ProductID", "widget", "Quantity", 2))));
            return new Seeded(api, api.adminToken(), shopper);
        }

        @Override
        public void close() {
            api.close();
        }
    }

    /** Hostile bodies the JSON edge refuses on every write route, whatever the route would do with them. */
    @ParameterizedTest(name = "edge-refused body {0}")
    @ValueSource(strings = {"huge-number", "huge-negative-exponent", "deep-nesting", "trailing-garbage",
            "trailing-document", "bad-body-id", "long-body-id", "nul-body-id"})
    void everyWriteRouteRefusesHostileJsonWithTheExactCodeAndChangesNothing(String kind) {
        try (Seeded f = Seeded.start()) {
            sweepHostileBody(f, kind);
        }
    }

    void sweepHostileBody(Seeded f, String kind) {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        Map<String, String[]> bodies = Map.of(
                "huge-number", new String[] {"{\"xp\":{\"n\":1e10000}}", "Request.InvalidJson"},
                "huge-negative-exponent", new String[] {"{\"Amount\":1e-10000}", "Request.InvalidJson"},
                "deep-nesting", new String[] {"{\"xp\":" + deep + "}", "Request.InvalidJson"},
                "trailing-garbage", new String[] {"{\"ProductID\":\"widget\",\"Quantity\":1}xyz", "Request.InvalidJson"},
                "trailing-document", new String[] {"{\"Name\":\"a\"} {\"Name\":\"b\"}", "Request.InvalidJson"},
                "bad-body-id", new String[] {"{\"ID\":\"..\",\"Name\":\"x\"}", "InvalidID"},
                "long-body-id", new String[] {"{\"ID\":\"" + "a".repeat(5000) + "\",\"Name\":\"x\"}", "InvalidID"},
                "nul-body-id", new String[] {"{\"ID\":\"a\\u0000b\",\"Name\":\"x\"}", "InvalidID"});
        String body = bodies.get(kind)[0];
        String code = bodies.get(kind)[1];
        JsonNode before = ok(f.api().get("/v1/orders/Incoming/o1", f.admin())).body();
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : f.api().api().routes()) {
            if (!List.of("POST", "PUT", "PATCH").contains(route.verb())) {
                continue;
            }
            for (boolean real : new boolean[] {false, true}) {
                String path = "/" + fill(route.template(), real);
                Response r = f.api().send(route.verb(), path, f.admin(), "application/json", body);
                if (r.status() != 400 || !code.equals(r.errorCode())) {
                    failures.add(route.verb() + " " + path + " → " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(failures).as("write routes not refusing %s with 400 %s", kind, code).isEmpty();
        assertNothingChanged(f, before);
    }

    /** Numbers of the wrong type never become a 5xx, and are refused wherever a route binds them. */
    @ParameterizedTest(name = "wrong numeric type {0}")
    @ValueSource(strings = {"{\"Quantity\":1.5}", "{\"Quantity\":\"5\"}", "{\"Quantity\":99999999999}",
            "{\"Amount\":\"5\"}", "{\"PriceBreaks\":[{\"Quantity\":\"1\",\"Price\":\"1.00\"}]}", "{\"Active\":\"yes\"}"})
    void wrongNumericTypesNeverAnswer500(String body) {
        try (Seeded f = Seeded.start()) {
            sweepWrongNumbers(f, body);
        }
    }

    void sweepWrongNumbers(Seeded f, String body) {
        JsonNode before = ok(f.api().get("/v1/orders/Incoming/o1", f.admin())).body();
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : f.api().api().routes()) {
            if (!List.of("POST", "PUT", "PATCH").contains(route.verb())) {
                continue;
            }
            Response r = f.api().send(route.verb(), "/" + fill(route.template(), false), f.admin(), "application/json", body);
            if (r.status() >= 500) {
                failures.add(route.verb() + " " + route.template() + " → " + r.status() + " " + r.body());
            }
        }
        assertThat(failures).isEmpty();
        if (body.startsWith("{\"Quantity\"")) {
            Response line = f.api().patch("/v1/orders/Outgoing/o1/lineitems/l1", f.shopper(), body);
            assertThat(line.status()).as("line PATCH with %s: %s", body, line.body()).isEqualTo(400);
            assertThat(line.errorCode()).isEqualTo("Request.InvalidJson");
            assertThat(line.body().at("/Errors/0/Data/Path").asText()).isEqualTo("Quantity");
        }
        assertNothingChanged(f, before);
    }

    /** Bad IDs in the path of every write route: 400 {@code InvalidID} before the handler runs. */
    @ParameterizedTest(name = "path ID {0}")
    @ValueSource(strings = {"a.b", "..", "x%E2%80%AEy", "tab%09id", "sp%20ace"})
    void everyWriteRouteRefusesABadPathIdWithInvalidId(String id) {
        try (Seeded f = Seeded.start()) {
            sweepBadPathId(f, id);
        }
    }

    void sweepBadPathId(Seeded f, String id) {
        JsonNode before = ok(f.api().get("/v1/orders/Incoming/o1", f.admin())).body();
        List<String> failures = new ArrayList<>();
        for (ApiRoute route : f.api().api().routes()) {
            if (!route.isWrite() || !route.template().matches(".*\\{[A-Za-z]*ID}.*")) {
                continue;
            }
            String path = "/" + route.template().replace("{direction}", "Outgoing").replaceAll("\\{[A-Za-z]*ID}", id)
                    .replaceAll("\\{[^}]+}", "nope");
            Response r = f.api().send(route.verb(), path, f.admin(), null, null);
            if (r.status() != 400 || !"InvalidID".equals(r.errorCode())) {
                failures.add(route.verb() + " " + path + " → " + r.status() + " " + r.body());
            }
        }
        assertThat(failures).as("write routes accepting path ID %s", id).isEmpty();
        assertNothingChanged(f, before);
    }

    static void assertNothingChanged(Seeded f, JsonNode orderBefore) {
        assertThat(ok(f.api().get("/v1/orders/Incoming/o1", f.admin())).body()).isEqualTo(orderBefore);
        for (String list : List.of("/v1/orders/Incoming", "/v1/products", "/v1/buyers", "/v1/buyers/b1/users",
                "/v1/orders/Incoming/o1/lineitems", "/v1/apiclients", "/v1/webhooks")) {
            assertThat(f.api().get(list, f.admin()).status()).as("GET %s", list).isEqualTo(200);
        }
        assertThat(ok(f.api().get("/v1/orders/Outgoing/o1/lineitems", f.shopper())).body().at("/Items/0/Quantity").asInt()).isEqualTo(2);
    }

    static String fill(String template, boolean real) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = real ? REAL.getOrDefault(m.group(1), "nope") : m.group(1).equals("direction") ? "Sideways" : "nope";
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }
}
