package io.orderhooks.engine.internal.api.orders;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Seeds a marketplace through the API: buyer {@code b1} with shopper {@code ann} (client {@code shop-app}, linked
 * to checkout integration event {@code checkout}), catalog {@code cat1} with product {@code widget} (breaks 1 →
 * 10.00, 5 → 8.50) and {@code gadget} (1 → 3.25), both visible to the buyer. The fake integration answers
 * {@code /shippingrates} with estimate {@code est1} (ground 9.95, air 24.50), {@code /ordercalculate} with
 * tax 7.25 and {@code /ordersubmit} with {@code xp.Exported=true}.
 */
public final class CommerceFixture {

    public static final String CLIENT = "shop-app";
    public static final String USER = "ann";
    public static final String PASSWORD = "pw-ann-1";

    private CommerceFixture() {}

    /** The fake checkout integration described above (thread-safe, stateless). */
    public static final CheckoutIntegration CHECKOUT = call -> {
        String body = switch (call.type()) {
            case SHIPPING_RATES -> "{\"ShipEstimates\":[{\"ID\":\"est1\",\"ShipMethods\":["
                    + "{\"ID\":\"ground\",\"Name\":\"Ground\",\"Cost\":9.95,\"EstimatedTransitDays\":3},"
                    + "{\"ID\":\"air\",\"Name\":\"Air\",\"Cost\":24.50,\"EstimatedTransitDays\":1}]}]}";
            case ORDER_CALCULATE -> "{\"TaxTotal\":7.25}";
            default -> "{\"xp\":{\"Exported\":true}}";
        };
        return new DeliveryOutcome.Delivered(200, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    };

    /** Seeds everything; roles of the buyer's profile: Shopper, MeAdmin. */
    public static void seed(ApiTestServer api) {
        String admin = api.adminToken();
        api.seedBuyer("b1", "u1", USER, PASSWORD, CLIENT, "Shopper", "MeAdmin");
        ok(api.post("/v1/catalogs", admin, json(Map.of("ID", "cat1", "Name", "Main"))));
        ok(api.post("/v1/catalogs/assignments", admin, json(Map.of("CatalogID", "cat1", "BuyerID", "b1",
                "ViewAllProducts", true, "ViewAllCategories", true))));
        product(api, admin, "widget", "Widget", "ps-widget", List.of(Map.of("Quantity", 1, "Price", 10.00),
                Map.of("Quantity", 5, "Price", 8.50)));
        product(api, admin, "gadget", "Gadget", "ps-gadget", List.of(Map.of("Quantity", 1, "Price", 3.25)));
        Caller seller = Caller.seller("admin", api.engine().context().config().sellerOrgID(), null, "FullAccess");
        api.engine().integrations().createEvent(seller, new IntegrationEvent(List.of(), "checkout", null, "OrderCheckout",
                "https://merchant.example/checkout", null, null, "Checkout", "hash-key-1"));
        ok(api.patch("/v1/apiclients/" + CLIENT, admin, json(Map.of("OrderCheckoutIntegrationEventID", "checkout"))));
    }

    static void product(ApiTestServer api, String admin, String id, String name, String schedule, List<Map<String, Object>> breaks) {
        ok(api.post("/v1/priceschedules", admin, json(Map.of("ID", schedule, "Name", name + " prices", "PriceBreaks", breaks))));
        ok(api.post("/v1/products", admin, json(Map.of("ID", id, "Name", name, "Active", true,
                "DefaultPriceScheduleID", schedule, "xp", Map.of("Color", "blue")))));
        ok(api.post("/v1/catalogs/productassignments", admin, json(Map.of("CatalogID", "cat1", "ProductID", id))));
    }

    /** The shopper's token (roles Shopper, MeAdmin). */
    public static String shopper(ApiTestServer api) {
        return api.login(CLIENT, USER, PASSWORD, "Shopper", "MeAdmin");
    }

    /** A started test server whose engine uses the fake integration. */
    static ApiTestServer start() {
        return ApiTestServer.start(e -> e.checkoutIntegration(CHECKOUT), a -> a);
    }
}
