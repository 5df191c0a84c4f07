package io.orderhooks.examples.cli;

import io.orderhooks.examples.client.OrderCloudClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The marketplace the cluster tests shop in, seeded over the API: buyer {@code b1} on catalog {@code cat} with the
 * product {@code SANDWICH} (7.50), shoppers {@code ann}, {@code cy} and {@code dee} (Shopper, MeAdmin), shared carts
 * enabled (purge at 8 weeks, notice 1 week before), and a webhook subscribed to the purge notice message at the
 * merchant's {@code /messages}. The {@code storefront} client is the one the engines registered at start.
 */
final class ClusterShop {

    static final String PASSWORD = "Secret-pw-1";

    private ClusterShop() {
    }

    static void seed(EngineCluster cluster, String admin) {
        OrderCloudClient api = cluster.instance(0);
        api.post("v1/catalogs", admin, Map.of("ID", "cat", "Name", "Lunch", "Active", true));
        api.post("v1/buyers", admin, Map.of("ID", "b1", "Name", "Buyer One", "Active", true, "DefaultCatalogID", "cat"));
        api.post("v1/catalogs/assignments", admin, Map.of("CatalogID", "cat", "BuyerID", "b1",
                "ViewAllProducts", true, "ViewAllCategories", true));
        api.post("v1/priceschedules", admin, Map.of("ID", "ps", "Name", "Sandwich",
                "PriceBreaks", List.of(Map.of("Quantity", 1, "Price", new BigDecimal("7.50")))));
        api.post("v1/products", admin, Map.of("ID", "SANDWICH", "Name", "Sandwich", "Active", true, "DefaultPriceScheduleID", "ps"));
        api.post("v1/catalogs/productassignments", admin, Map.of("CatalogID", "cat", "ProductID", "SANDWICH"));
        api.post("v1/securityprofiles", admin, Map.of("ID", "shopper", "Name", "Shopper", "Roles", List.of("Shopper", "MeAdmin")));
        api.post("v1/securityprofiles/assignments", admin, Map.of("SecurityProfileID", "shopper", "BuyerID", "b1"));
        for (String user : List.of("ann", "cy", "dee")) {
            api.post("v1/buyers/b1/users", admin, Map.of("ID", user, "Username", user, "Password", PASSWORD,
                    "FirstName", user, "LastName", "Buyer", "Email", user + "@example.com", "Active", true));
        }
        api.put("v1/sharedcartsettings", admin, Map.of("Enabled", true, "HoursUntilEmptyCartPurgeDue", 4,
                "WeeksUntilPurgeDue", 8, "WeeksBeforePurgeForNotice", 1));
        api.post("v1/webhooks", admin, Map.of("ID", "messages", "Name", "Messages", "Url",
                cluster.merchantUrl() + "/messages", "HashKey", "message-hash-key", "BeforeProcessRequest", false,
                "WebhookRoutes", List.of(Map.of("Route", "SharedCartPurgeImminent", "Verb", "MESSAGE"))));
    }

    /** The password grant form of {@code user} through the storefront client. */
    static Map<String, String> passwordForm(String user) {
        return Map.of("grant_type", "password", "client_id", EngineClusterAcceptanceTest.CLIENT, "username", user,
                "password", PASSWORD, "scope", "Shopper MeAdmin");
    }

    static String login(OrderCloudClient api, String user) {
        return api.tokenResponse(passwordForm(user)).path("access_token").asText();
    }
}
