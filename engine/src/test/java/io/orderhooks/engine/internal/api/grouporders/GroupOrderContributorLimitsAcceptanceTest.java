package io.orderhooks.engine.internal.api.grouporders;

import static io.orderhooks.engine.internal.api.grouporders.LunchFixture.ORDER;
import static io.orderhooks.engine.internal.api.grouporders.LunchFixture.assertError;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.internal.grouporders.InvitationPurger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a contributor token may not do, over real HTTP: every other route of its order, other orders, company data
 * and invitations answer in OrderCloud's error shape and change nothing; a token dies with its invitation (deleted
 * or expired) and the purger removes expired invitations.
 */
class GroupOrderContributorLimitsAcceptanceTest {

    private static final String ADDRESS = json(Map.of("FirstName", "Ann", "LastName", "Office", "Street1", "1 Main St",
            "City", "Springfield", "State", "IL", "Zip", "62701", "Country", "US"));

    private final LunchFixture f = new LunchFixture();
    private final String bobInvitation = f.invite("Bob only");
    private final String carolInvitation = f.invite("Carol only");
    private final String bob = f.contributor(bobInvitation);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void everyForbiddenContributorCallAnswersInOrderCloudShapeAndChangesNothing() {
        String bobLine = ok(f.addLine(bob, "widget", 1, "bob")).body().get("ID").asText();
        String payment = ok(f.api.post("/v1/cart/payments", f.manager, "{\"Type\":\"PurchaseOrder\"}")).body().get("ID").asText();
        Map<String, JsonNode> before = snapshot();
        String cart = "/v1/cart";
        String order = "/v1/orders/Outgoing/" + ORDER;
        List<String[]> calls = List.of(
                call("POST", cart + "/submit", null), call("POST", order + "/submit", null),
                call("GET", cart + "/payments", null), call("POST", cart + "/payments", "{\"Type\":\"PurchaseOrder\"}"),
                call("GET", cart + "/payments/" + payment, null), call("PATCH", cart + "/payments/" + payment, "{\"Amount\":1}"),
                call("DELETE", cart + "/payments/" + payment, null),
                call("PATCH", cart, "{\"xp\":{\"Hacked\":true}}"), call("PUT", cart, "{\"ID\":\"LUNCH\"}"), call("DELETE", cart, null),
                call("PUT", cart + "/COLLEAGUE", null), call("PUT", cart + "/shipto", ADDRESS), call("PATCH", cart + "/shipto", "{\"City\":\"X\"}"),
                call("PUT", cart + "/billto", ADDRESS), call("PATCH", cart + "/billto", "{\"City\":\"X\"}"),
                call("PUT", cart + "/lineitems/" + bobLine + "/shipto", "{\"ID\":\"a1\"}"),
                call("GET", cart + "/promotions", null), call("POST", cart + "/promotions/LUNCH10", null),
                call("POST", cart + "/applypromotions", null), call("POST", cart + "/refreshpromotions", null),
                call("GET", cart + "/worksheet", null), call("POST", cart + "/estimateshipping", null),
                call("POST", cart + "/shipmethods", "{\"ShipMethodSelections\":[]}"), call("POST", cart + "/calculate", null),
                call("GET", "/v1/orders/Outgoing", null), call("POST", "/v1/orders/Outgoing", "{\"ID\":\"evil\"}"),
                call("GET", order, null), call("PATCH", order, "{\"Comments\":\"x\"}"), call("DELETE", order, null),
                call("GET", order + "/lineitems", null), call("POST", order + "/lineitems", "{\"ProductID\":\"widget\",\"Quantity\":1}"),
                call("DELETE", order + "/lineitems/" + bobLine, null), call("GET", "/v1/orders/Outgoing/COLLEAGUE", null),
                call("PATCH", "/v1/orders/Outgoing/COLLEAGUE", "{\"Comments\":\"x\"}"),
                call("GET", "/v1/me", null), call("GET", "/v1/me/orders", null), call("GET", "/v1/me/addresses", null),
                call("GET", "/v1/me/promotions", null), call("GET", "/v1/me/catalogs", null), call("GET", "/v1/me/shipments", null),
                call("GET", "/v1/me/orderinvitations", null), call("DELETE", "/v1/me/orderinvitations/" + carolInvitation, null),
                call("POST", "/v1/me/orderinvitations", json(Map.of("OrderID", ORDER, "ExpirationDate", LunchFixture.EXPIRES))),
                call("GET", "/v1/buyers/b1", null), call("GET", "/v1/buyers/b1/users", null), call("GET", "/v1/products", null),
                call("POST", "/v1/webhooks", "{\"ID\":\"evil\",\"Name\":\"x\",\"Url\":\"https://evil.example\"}"));
        List<String> wrong = new ArrayList<>();
        for (String[] c : calls) {
            Response r = f.api.send(c[0], c[1], bob, c[2] == null ? null : "application/json", c[2]);
            boolean shaped = r.body() != null && r.body().path("Errors").size() == 1 && r.body().at("/Errors/0/Message").isTextual();
            if (r.status() != 403 || !"Auth.InsufficientRoles".equals(r.errorCode()) || !shaped) {
                wrong.add(c[0] + " " + c[1] + " -> " + r.status() + " " + r.body());
            }
        }
        assertThat(wrong).as("calls not refused with 403 Auth.InsufficientRoles").isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void bodiesCannotMoveALineToAnotherInvitation() {
        Response added = f.api.post("/v1/cart/lineitems", bob, json(Map.of("ProductID", "widget", "Quantity", 1, "InvitationID", carolInvitation)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("InvitationID").asText()).isEqualTo(bobInvitation);
        String line = added.body().get("ID").asText();
        Response patched = f.api.patch("/v1/cart/lineitems/" + line, bob, json(Map.of("InvitationID", carolInvitation)));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("InvitationID").asText()).isEqualTo(bobInvitation);
        assertThat(f.ids("/v1/cart/lineitems?InvitationID=" + carolInvitation, f.manager)).isEmpty();
    }

    @Test
    void aTokenStopsWorkingTheMomentItsInvitationIsDeleted() {
        String line = ok(f.addLine(bob, "widget", 2, "bob")).body().get("ID").asText();
        assertThat(f.api.delete("/v1/me/orderinvitations/" + bobInvitation, f.manager).status()).isEqualTo(204);

        assertError(f.api.get("/v1/cart", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.get("/v1/cart/lineitems", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.addLine(bob, "widget", 1, "bob"), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.delete("/v1/cart/lineitems/" + line, bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.get("/v1/me/products", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.post("/v1/grouporders/" + bobInvitation + "/token", null, null), 404, "NotFound");
        assertThat(f.ids("/v1/cart/lineitems", f.manager)).as("the lines stay on the order").containsExactly(line);
    }

    @Test
    void deletingTheOrderEndsItsInvitationsAndTheirTokens() {
        ok(f.addLine(bob, "widget", 1, "bob"));
        assertThat(f.api.delete("/v1/orders/Outgoing/" + ORDER, f.manager).status()).isEqualTo(204);

        assertError(f.api.get("/v1/cart", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.get("/v1/cart/lineitems", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.addLine(bob, "widget", 1, "bob"), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.get("/v1/me/products", bob), 401, "GroupOrderInvitation.InvitationExpired");
        assertError(f.api.post("/v1/grouporders/" + bobInvitation + "/token", null, null), 404, "NotFound");
        assertThat(f.ids("/v1/me/orderinvitations", f.manager)).isEmpty();
        assertThat(f.api.engine().groupOrders().purgeExpired()).containsExactlyInAnyOrder(bobInvitation, carolInvitation);
    }

    @Test
    void afterExpiryTokensAreRefusedAndThePurgerRemovesTheInvitation() throws Exception {
        String later = ok(f.api.post("/v1/me/orderinvitations", f.manager, json(Map.of("Name", "Tomorrow", "OrderID", ORDER,
                "ExpirationDate", "2026-03-02T10:00:00Z")))).body().get("ID").asText();
        String line = ok(f.addLine(bob, "gadget", 1, "bob")).body().get("ID").asText();
        f.api.clock().set(Instant.parse("2026-03-01T14:00:00Z"));

        assertError(f.api.get("/v1/cart", bob), 401, "ExpiredToken");
        assertError(f.addLine(bob, "gadget", 1, "bob"), 401, "ExpiredToken");
        assertError(f.api.post("/v1/grouporders/" + bobInvitation + "/token", null, null), 400, "GroupOrderInvitation.InvitationExpired");
        assertThat(ok(f.api.get("/v1/me/orderinvitations/" + bobInvitation, f.manager)).body().get("ID").asText()).isEqualTo(bobInvitation);

        List<String> purged = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        InvitationPurger purger = InvitationPurger.start(f.api.engine().groupOrders(), Duration.ofMinutes(5), ids -> {
            purged.addAll(ids);
            ran.countDown();
        });
        try {
            assertThat(ran.await(30, TimeUnit.SECONDS)).as("the purger's first run deleted something").isTrue();
        } finally {
            purger.close();
        }
        assertThat(purged).containsExactlyInAnyOrder(bobInvitation, carolInvitation);
        assertError(f.api.get("/v1/me/orderinvitations/" + bobInvitation, f.manager), 404, "NotFound");
        assertError(f.api.post("/v1/grouporders/" + bobInvitation + "/token", null, null), 404, "NotFound");
        assertThat(f.ids("/v1/me/orderinvitations", f.manager)).containsExactly(later);
        assertThat(ok(f.api.get("/v1/cart", f.contributor(later))).body().get("ID").asText()).isEqualTo(ORDER);
        assertThat(f.ids("/v1/cart/lineitems", f.manager)).containsExactly(line);
    }

    private static String[] call(String method, String path, String body) {
        return new String[] {method, path, body};
    }

    /** What the manager, the colleague and the admin see of everything a contributor might try to change. */
    private Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        String order = "/v1/orders/Outgoing/" + ORDER;
        for (String path : List.of(order, order + "/lineitems", order + "/payments", order + "/promotions", "/v1/me/orderinvitations")) {
            s.put(path, ok(f.api.get(path, f.manager)).body());
        }
        s.put("COLLEAGUE", ok(f.api.get("/v1/orders/Outgoing/COLLEAGUE", f.colleague)).body());
        s.put("orders", ok(f.api.get("/v1/me/orders", f.manager)).body());
        s.put("webhooks", ok(f.api.get("/v1/webhooks", f.admin)).body());
        return s;
    }
}
