package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import io.orderhooks.core.model.CheckoutEventType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link CommerceFixture}'s marketplace on a test server whose fake integration records every checkout call, with
 * helpers to add buyer users, suppliers with users, and supplier products, and to check out through the API.
 * One per test; close it after.
 */
final class MarketplaceApi implements AutoCloseable {

    final List<CheckoutEventType> calls = new CopyOnWriteArrayList<>();
    final ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(call -> {
        calls.add(call.type());
        return CommerceFixture.CHECKOUT.deliver(call);
    }), a -> a);
    final String admin;
    final String shopper;

    MarketplaceApi() {
        CommerceFixture.seed(api);
        admin = api.adminToken();
        shopper = CommerceFixture.shopper(api);
    }

    /** Another user of buyer b1 (roles of the buyer's profile: Shopper, MeAdmin); returns their token. */
    String buyerUser(String userID) {
        ok(api.post("/v1/buyers/b1/users", admin, json(Map.of("ID", userID, "Username", userID, "Password", "pw-" + userID,
                "FirstName", userID, "LastName", "User", "Email", userID + "@example.com", "Active", true))));
        return api.login(CommerceFixture.CLIENT, userID, "pw-" + userID, "Shopper", "MeAdmin");
    }

    /** User group {@code groupID} of buyer b1 holding {@code userIDs}. */
    void buyerGroup(String groupID, String... userIDs) {
        ok(api.post("/v1/buyers/b1/usergroups", admin, json(Map.of("ID", groupID, "Name", groupID))));
        for (String user : userIDs) {
            ok(api.post("/v1/buyers/b1/usergroups/assignments", admin, json(Map.of("UserGroupID", groupID, "UserID", user))));
        }
    }

    /** An active supplier with one user holding ShipmentAdmin + OrderAdmin (client shop-app); returns its token. */
    String supplierWithUser(String supplierID) {
        ok(api.post("/v1/suppliers", admin, json(Map.of("ID", supplierID, "Name", "Supplier " + supplierID, "Active", true))));
        String user = supplierID.toLowerCase() + "-shipper";
        ok(api.post("/v1/suppliers/" + supplierID + "/users", admin, json(Map.of("ID", user, "Username", user,
                "Password", "pw-" + user, "FirstName", "Sam", "LastName", supplierID, "Email", user + "@example.com", "Active", true))));
        String profile = supplierID + "-profile";
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", profile, "Name", profile,
                "Roles", List.of("ShipmentAdmin", "OrderAdmin")))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", profile, "SupplierID", supplierID))));
        ok(api.post("/v1/apiclients/assignments", admin, json(Map.of("ApiClientID", CommerceFixture.CLIENT, "SupplierID", supplierID))));
        return api.login(CommerceFixture.CLIENT, user, "pw-" + user, "ShipmentAdmin", "OrderAdmin");
    }

    /** A product at one price, in catalog cat1, supplied by {@code supplierID} (null: the marketplace). */
    void product(String id, String price, String supplierID) {
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", "ps-" + id, "Name", id,
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", new BigDecimal(price)))))));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ID", id, "Name", "Product " + id, "Active", true,
                "DefaultPriceScheduleID", "ps-" + id));
        if (supplierID != null) {
            body.put("DefaultSupplierID", supplierID);
        }
        ok(api.post("/v1/products", admin, json(body)));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat1", "ProductID", id))));
    }

    /** The shopper's order {@code orderID} with lines {@code {lineID, productID, quantity}}. */
    void cart(String orderID, Object[]... lines) {
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", orderID))));
        for (Object[] l : lines) {
            ok(api.post("/v1/orders/Outgoing/" + orderID + "/lineitems", shopper,
                    json(Map.of("ID", l[0], "ProductID", l[1], "Quantity", l[2]))));
        }
    }

    /** {@link #cart}, calculated (tax 7.25) and submitted by the shopper; returns the submitted order. */
    JsonNode submitted(String orderID, Object[]... lines) {
        cart(orderID, lines);
        return submit(orderID);
    }

    JsonNode submit(String orderID) {
        ok(api.post("/v1/orders/Outgoing/" + orderID + "/calculate", shopper, null));
        return ok(api.post("/v1/orders/Outgoing/" + orderID + "/submit", shopper, null)).body();
    }

    static Object[] line(String id, String productID, int quantity) {
        return new Object[] {id, productID, quantity};
    }

    /** Asserts the answer is {@code status} with {@code errorCode} as its first error; returns it. */
    static Response refused(Response r, int status, String errorCode) {
        assertThat(r.status() + " " + r.errorCode()).as("%s", r.body()).isEqualTo(status + " " + errorCode);
        return r;
    }

    @Override
    public void close() {
        api.close();
    }
}
