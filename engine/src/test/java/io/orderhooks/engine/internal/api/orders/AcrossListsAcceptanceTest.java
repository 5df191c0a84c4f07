package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seller reporting lists: {@code GET v1/buyerusers} (Users.ListAcrossBuyers) and {@code GET v1/lineitems/{direction}} (LineItems.ListAcrossOrders). */
class AcrossListsAcceptanceTest {

    final ApiTestServer api = CommerceFixture.start();
    String admin;
    String ann;
    String bob;

    @BeforeEach
    void seed() {
        CommerceFixture.seed(api);
        admin = api.adminToken();
        api.seedBuyer("b2", "u2", "bob", "pw-bob-1", CommerceFixture.CLIENT, "Shopper", "MeAdmin", "BuyerUserReader");
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat1", "BuyerID", "b2", "ViewAllProducts", true))));
        ann = CommerceFixture.shopper(api);
        bob = api.login(CommerceFixture.CLIENT, "bob", "pw-bob-1", "Shopper", "MeAdmin", "BuyerUserReader");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    void order(String token, String id, String product, int quantity) {
        ok(api.post("/v1/orders/Outgoing", token, json(Map.of("ID", id))));
        ok(api.post("/v1/orders/Outgoing/" + id + "/lineitems", token, json(Map.of("ProductID", product, "Quantity", quantity))));
    }

    static List<String> lines(Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : r.body().get("Items")) {
            out.add(l.get("OrderID").asText() + ":" + l.get("ProductID").asText() + ":" + l.at("/Order/FromCompanyID").asText());
        }
        return out;
    }

    @Test
    void theSellerListsTheUsersOfEveryBuyerAndABuyerUserOnlyItsOwn() {
        Response all = api.get("/v1/buyerusers?sortBy=Username", admin);
        assertThat(all.body().findValuesAsText("Username")).containsExactly("ann", "bob");
        assertThat(all.body().findValues("Password")).allMatch(JsonNode::isNull);
        assertThat(api.get("/v1/buyerusers?Username=bo*", admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/buyerusers", bob).body().findValuesAsText("Username")).containsExactly("bob");
        Response noRole = api.get("/v1/buyerusers", ann);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.errorCode()).isEqualTo("Auth.InsufficientRoles");
    }

    @Test
    void lineItemsAcrossOrdersCarryTheirOrderAndOnlyOrdersTheCallerSees() {
        order(ann, "a1", "widget", 2);
        ok(api.post("/v1/orders/Outgoing/a1/lineitems", ann, json(Map.of("ProductID", "gadget", "Quantity", 1))));
        order(bob, "b1o", "gadget", 3);

        assertThat(lines(api.get("/v1/lineitems/Outgoing?sortBy=!ProductID", ann))).containsExactly("a1:widget:b1", "a1:gadget:b1");
        assertThat(lines(api.get("/v1/lineitems/Outgoing", bob))).containsExactly("b1o:gadget:b2");
        assertThat(lines(api.get("/v1/lineitems/Incoming?sortBy=OrderID,!ProductID", admin)))
                .as("the seller sees every buyer's lines, submitted or not").containsExactly("a1:widget:b1", "a1:gadget:b1", "b1o:gadget:b2");
        assertThat(lines(api.get("/v1/lineitems/Incoming?buyerID=b2", admin))).containsExactly("b1o:gadget:b2");
        assertThat(lines(api.get("/v1/lineitems/Incoming?ProductID=gadget&sortBy=!Quantity", admin)))
                .containsExactly("b1o:gadget:b2", "a1:gadget:b1");
        Response line = api.get("/v1/lineitems/Outgoing?ProductID=widget", ann);
        assertThat(line.body().at("/Items/0/Order/ID").asText()).isEqualTo("a1");
        assertThat(line.body().at("/Items/0/LineSubtotal").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(api.get("/v1/lineitems/Incoming?from=2999-01-01", admin).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.get("/v1/lineitems/Incoming?from=someday", admin).errorCode()).isEqualTo("ValidationFailure");
    }
}
