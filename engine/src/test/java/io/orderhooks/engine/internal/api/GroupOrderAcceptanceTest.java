package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group ordering over real HTTP: invitations, contributor tokens, route gate, limits and expiry. */
class GroupOrderAcceptanceTest {

    private final ApiTestServer api = ApiTestServer.start();
    private final String creator;
    private final String other;

    GroupOrderAcceptanceTest() {
        api.seedBuyer("b1", "u1", "manager", "pw-manager-1", "shop", "Shopper");
        ApiTestServer.ok(api.post("/v1/buyers/b1/users", api.adminToken(), json(Map.of("ID", "u2", "Username", "colleague",
                "Password", "pw-colleague-1", "FirstName", "C", "LastName", "L", "Email", "c@example.com", "Active", true))));
        Caller seller = Caller.seller("admin", "seller", null, "FullAccess");
        var cat = api.engine().catalog();
        cat.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        ApiTestServer.ok(api.patch("/v1/buyers/b1", api.adminToken(), "{\"DefaultCatalogID\":\"cat\"}"));
        cat.savePriceSchedule(seller, PriceSchedule.builder().id("ps").name("Sandwich").priceBreaks(
                List.of(new PriceBreak(1, new BigDecimal("7.50"), null))).build());
        cat.createProduct(seller, Product.builder().id("SANDWICH").name("Sandwich").active(true).defaultPriceScheduleID("ps").build());
        cat.assignProductToCatalog(seller, new ProductCatalogAssignment("cat", "SANDWICH"));
        api.engine().orders().create(Caller.buyer("u1", "b1", "shop", "Shopper"), Order.builder().id("LUNCH").build());
        creator = api.login("shop", "manager", "pw-manager-1", "Shopper");
        other = api.login("shop", "colleague", "pw-colleague-1", "Shopper");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Response invite(String token, String expires) {
        return api.post("/v1/me/orderinvitations", token, json(Map.of("Name", "Lunch", "OrderID", "LUNCH", "ExpirationDate", expires)));
    }

    private String contributorToken(String invitationID) {
        Response r = api.post("/v1/grouporders/" + invitationID + "/token", null, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("access_token").asText();
    }

    private Caller callerOf(String token) {
        return ApiContext.caller(api.api().context().oauth().tokens().verify(token));
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.body().get("Errors").get(0).has("Message")).isTrue();
    }

    @Test
    void theCreatorManagesInvitations() {
        Response created = invite(creator, "2026-03-01T13:00:00+00:00");
        assertThat(created.status()).isEqualTo(201);
        JsonNode inv = created.body();
        String id = inv.get("ID").asText();
        assertThat(inv.get("OrderID").asText()).isEqualTo("LUNCH");
        assertThat(inv.get("OrderStatus").asText()).isEqualTo("Unsubmitted");
        assertThat(inv.get("ExpirationDate").asText()).isEqualTo("2026-03-01T13:00:00+00:00");
        Response list = api.get("/v1/me/orderinvitations?OrderID=LUNCH", creator);
        assertThat(list.body().get("Meta").get("TotalCount").asInt()).isEqualTo(1);
        assertThat(list.body().get("Items").get(0).get("ID").asText()).isEqualTo(id);
        Response patched = api.patch("/v1/me/orderinvitations/" + id, creator, "{\"Name\":\"Team lunch\",\"xp\":{\"Deadline\":\"10am\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("Name").asText()).isEqualTo("Team lunch");
        assertThat(patched.body().get("xp").get("Deadline").asText()).isEqualTo("10am");
        assertError(api.get("/v1/me/orderinvitations/" + id, other), 404, "NotFound");
        assertThat(api.get("/v1/me/orderinvitations", other).body().get("Items")).isEmpty();
        assertThat(api.delete("/v1/me/orderinvitations/" + id, creator).status()).isEqualTo(204);
        assertError(api.get("/v1/me/orderinvitations/" + id, creator), 404, "NotFound");
    }

    @Test
    void invitationsNeedAnOrderTheCallerCreatedAndAValidExpiration() {
        assertError(api.post("/v1/me/orderinvitations", creator, "{\"ExpirationDate\":\"2026-03-02T00:00:00Z\"}"), 400, "ValidationFailure");
        assertError(api.post("/v1/me/orderinvitations", creator, "{\"OrderID\":\"LUNCH\"}"), 400, "ValidationFailure");
        assertError(invite(other, "2026-03-02T00:00:00Z"), 404, "NotFound");
        assertError(invite(creator, "2026-03-01T09:59:59Z"), 400, "GroupOrderInvitation.InvalidExpiration");
        assertError(invite(creator, "2027-03-01T10:00:01Z"), 400, "GroupOrderInvitation.InvalidExpiration");
        assertThat(invite(creator, "2027-03-01T10:00:00Z").status()).isEqualTo(201);
        assertThat(api.get("/v1/me/orderinvitations", creator).body().get("Meta").get("TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void anOrderTakesAtMostOneHundredInvitations() {
        for (int i = 0; i < 100; i++) {
            assertThat(invite(creator, "2026-03-02T00:00:00Z").status()).isEqualTo(201);
        }
        assertError(invite(creator, "2026-03-02T00:00:00Z"), 400, "GroupOrderInvitation.InvitationQuantityExceeded");
        assertThat(api.get("/v1/me/orderinvitations?pageSize=100", creator).body().get("Meta").get("TotalCount").asInt()).isEqualTo(100);
    }

    @Test
    void anyoneHoldingTheIdGetsAScopedContributorToken() {
        String id = invite(creator, "2026-03-01T11:00:00Z").body().get("ID").asText();
        Response r = api.post("/v1/grouporders/" + id + "/token", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("token_type").asText()).isEqualTo("bearer");
        assertThat(r.body().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(r.body().get("refresh_token").isNull()).isTrue();
        JsonNode claims = ApiTestServer.claims(r.body().get("access_token").asText());
        assertThat(claims.get("invid").asText()).isEqualTo(id);
        assertThat(claims.get("orderid").asText()).isEqualTo("LUNCH");
        assertThat(claims.get("cmp").asText()).isEqualTo("b1");
        assertThat(claims.get("cid").asText()).isEqualTo("shop");
        assertThat(claims.get("uid").asText()).isNotEqualTo("u1");
        assertError(api.post("/v1/grouporders/nope/token", null, null), 404, "NotFound");
    }

    @Test
    void contributorTokensReachOnlyTheirOrdersLinesAndNothingElse() {
        String annID = invite(creator, "2026-03-01T12:00:00Z").body().get("ID").asText();
        String bobID = invite(creator, "2026-03-01T12:00:00Z").body().get("ID").asText();
        String ann = contributorToken(annID);
        Caller annC = callerOf(ann);
        Caller bobC = callerOf(contributorToken(bobID));
        LineItem a = api.engine().lineItems().add(annC, Outgoing, "LUNCH", LineItem.builder().productID("SANDWICH").quantity(1).build());
        api.engine().lineItems().add(bobC, Outgoing, "LUNCH", LineItem.builder().productID("SANDWICH").quantity(2).build());
        assertThat(a.invitationID()).isEqualTo(annID);
        assertThat(api.engine().lineItems().list(annC, Outgoing, "LUNCH")).containsExactly(a);
        assertThat(api.engine().lineItems().list(Caller.buyer("u1", "b1", "shop", "Shopper"), Outgoing, "LUNCH")).hasSize(2);
        int before = api.get("/v1/me/orderinvitations", creator).body().get("Meta").get("TotalCount").asInt();
        assertError(api.get("/v1/me/orderinvitations", ann), 403, "Auth.InsufficientRoles");
        assertError(invite(ann, "2026-03-01T11:00:00Z"), 403, "Auth.InsufficientRoles");
        assertError(api.delete("/v1/me/orderinvitations/" + annID, ann), 403, "Auth.InsufficientRoles");
        assertError(api.get("/v1/buyers/b1", ann), 403, "Auth.InsufficientRoles");
        assertError(api.post("/v1/buyers", ann, "{\"ID\":\"evil\",\"Name\":\"x\"}"), 403, "Auth.InsufficientRoles");
        assertThat(api.get("/v1/me/orderinvitations", creator).body().get("Meta").get("TotalCount").asInt()).isEqualTo(before);
        assertThat(api.get("/v1/buyers/evil", api.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void expiredInvitationsGrantNoTokensStopOldOnesAndArePurged() {
        String id = invite(creator, "2026-03-01T10:30:00Z").body().get("ID").asText();
        Caller early = callerOf(contributorToken(id));
        api.clock().advance(Duration.ofMinutes(30));
        assertError(api.post("/v1/grouporders/" + id + "/token", null, null), 400, "GroupOrderInvitation.InvitationExpired");
        assertThatThrownBy(() -> api.engine().lineItems().add(early, Outgoing, "LUNCH", LineItem.builder().productID("SANDWICH").quantity(1).build()))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("GroupOrderInvitation.InvitationExpired"));
        assertThat(api.engine().groupOrders().purgeExpired()).containsExactly(id);
        assertError(api.get("/v1/me/orderinvitations/" + id, creator), 404, "NotFound");
        assertError(api.post("/v1/grouporders/" + id + "/token", null, null), 404, "NotFound");
    }
}
