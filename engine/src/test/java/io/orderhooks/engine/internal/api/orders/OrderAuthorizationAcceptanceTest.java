package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each role-gated route × a token without the role (403 {@code Auth.InsufficientRoles} naming the roles, nothing
 * changed) and a token with it (not 403).
 */
class OrderAuthorizationAcceptanceTest {

    /** One row of the matrix: the call and the role that grants it. */
    record Gate(String verb, String path, String body, String role, boolean buyer) {}

    static final List<Gate> GATES = List.of(
            new Gate("GET", "/v1/me/products", null, "Shopper", true),
            new Gate("GET", "/v1/me/orders", null, "Shopper", true),
            new Gate("GET", "/v1/cart", null, "Shopper", true),
            new Gate("POST", "/v1/cart/lineitems", json(Map.of("ProductID", "gadget", "Quantity", 1)), "Shopper", true),
            new Gate("POST", "/v1/orders/Outgoing", json(Map.of("ID", "o2")), "Shopper", true),
            new Gate("POST", "/v1/orders/Outgoing/o1/lineitems", json(Map.of("ProductID", "widget", "Quantity", 1)), "Shopper", true),
            new Gate("POST", "/v1/orders/Outgoing/o1/estimateshipping", null, "Shopper", true),
            new Gate("POST", "/v1/orders/Outgoing/o1/payments", json(Map.of("Type", "PurchaseOrder")), "Shopper", true),
            new Gate("POST", "/v1/orders/Outgoing/o1/submit", null, "Shopper", true),
            new Gate("POST", "/v1/products", json(Map.of("ID", "p9", "Name", "P9")), "ProductAdmin", false),
            new Gate("POST", "/v1/priceschedules", json(Map.of("ID", "ps9", "Name", "PS9")), "PriceScheduleAdmin", false),
            new Gate("POST", "/v1/catalogs", json(Map.of("ID", "c9", "Name", "C9")), "CatalogAdmin", false),
            new Gate("POST", "/v1/specs", json(Map.of("ID", "s9", "Name", "S9")), "ProductAdmin", false),
            new Gate("POST", "/v1/promotions", json(Map.of("ID", "pr9", "Code", "SAVE9", "EligibleExpression", "order.Subtotal > 0",
                    "ValueExpression", "1")), "PromotionAdmin", false),
            new Gate("PATCH", "/v1/orders/Incoming/o1", json(Map.of("Comments", "seen")), "OrderAdmin", false),
            new Gate("POST", "/v1/shipments", json(Map.of("ID", "sh9")), "ShipmentAdmin", false),
            new Gate("GET", "/v1/priceschedules", null, "PriceScheduleReader", false));

    final ApiTestServer api = CommerceFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyGatedRouteRefusesATokenWithoutItsRoleAndAcceptsOneWithIt() {
        CommerceFixture.seed(api);
        String seedShopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", seedShopper, json(Map.of("ID", "o1"))));
        String buyerWithout = api.login(CommerceFixture.CLIENT, CommerceFixture.USER, CommerceFixture.PASSWORD, "MeAdmin");
        String sellerWithout = sellerToken("MeAdmin");
        JsonNode before = state();

        SoftAssertions soft = new SoftAssertions();
        for (Gate g : GATES) {
            Response r = api.send(g.verb(), g.path(), g.buyer() ? buyerWithout : sellerWithout, "application/json", g.body());
            soft.assertThat(r.status()).as(g.verb() + " " + g.path()).isEqualTo(403);
            soft.assertThat(r.errorCode()).as(g.verb() + " " + g.path()).isEqualTo("Auth.InsufficientRoles");
            soft.assertThat(r.body().at("/Errors/0/Data/SufficientRoles").toString()).as(g.path()).contains("\"" + g.role() + "\"");
        }
        soft.assertThat(state()).as("state after refused calls").isEqualTo(before);

        for (Gate g : GATES) {
            String with = g.buyer() ? api.login(CommerceFixture.CLIENT, CommerceFixture.USER, CommerceFixture.PASSWORD, g.role())
                    : sellerToken(g.role());
            Response r = api.send(g.verb(), g.path(), with, "application/json", g.body());
            soft.assertThat(r.status()).as(g.verb() + " " + g.path() + " with " + g.role() + ": " + r.body()).isNotEqualTo(403);
        }
        soft.assertAll();
    }

    private String sellerToken(String role) {
        var a = io.orderhooks.engine.AdminBootstrap.LOCAL_DEFAULTS;
        return ok(api.token(Map.of("grant_type", "client_credentials", "client_id", a.clientID(), "client_secret",
                a.clientSecret(), "scope", role))).body().get("access_token").asText();
    }

    /** Everything the gated routes could change, read by the admin. */
    private JsonNode state() {
        String admin = api.adminToken();
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        List<String> paths = new ArrayList<>(List.of("/v1/orders/All", "/v1/orders/Incoming/o1/worksheet", "/v1/products",
                "/v1/priceschedules", "/v1/catalogs", "/v1/specs", "/v1/promotions", "/v1/shipments"));
        paths.forEach(p -> s.set(p, api.get(p, admin).body()));
        return s;
    }
}
