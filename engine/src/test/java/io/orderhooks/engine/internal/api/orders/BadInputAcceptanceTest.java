package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

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
 * unknown or real IDs, answers an OrderCloud error (or success), never a 500.
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
