package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code orderhooks engine} on its H2 data folder, stopped and started again as two real JVMs: everything created
 * through the API, and the tokens issued before the stop, are still there after it.
 */
class EngineRestartAcceptanceTest {

    @TempDir
    Path data;

    @Test
    void buyersUsersClientsProductsOrdersAndTokensSurviveARestart() throws Exception {
        int port = ChildEngine.freePort();
        String adminToken;
        String userToken;
        try (ChildEngine first = ChildEngine.start(data, port)) {
            OrderCloudClient api = new OrderCloudClient(first.baseUrl());
            adminToken = api.clientCredentials("admin-client", "admin-secret", "FullAccess");
            api.post("v1/buyers", adminToken, Map.of("ID", "b1", "Name", "Buyer One", "Active", true));
            api.post("v1/buyers/b1/users", adminToken, Map.of("ID", "u1", "Username", "ada@example.com",
                    "Password", "Secret-pw-1", "FirstName", "Ada", "LastName", "Buyer", "Email", "ada@example.com", "Active", true));
            api.post("v1/apiclients", adminToken, Map.of("ID", "shop", "AppName", "Shop", "Active", true,
                    "AllowAnyBuyer", true, "AccessTokenDuration", 600));
            api.post("v1/products", adminToken, Map.of("ID", "P1", "Name", "Shirt", "Active", true));
            api.post("v1/securityprofiles", adminToken, Map.of("ID", "shopper", "Name", "Shopper",
                    "Roles", java.util.List.of("Shopper", "MeAdmin")));
            api.post("v1/securityprofiles/assignments", adminToken, Map.of("SecurityProfileID", "shopper", "BuyerID", "b1"));
            userToken = api.password("shop", "ada@example.com", "Secret-pw-1", "Shopper", "MeAdmin");
            api.post("v1/orders/Outgoing", userToken, Map.of("ID", "O1", "Comments", "kept across restarts"));
        }
        try (ChildEngine second = ChildEngine.start(data, port)) {
            OrderCloudClient api = new OrderCloudClient(second.baseUrl());
            assertThat(api.get("v1/buyers/b1", adminToken).path("Name").asText()).isEqualTo("Buyer One");
            assertThat(api.get("v1/buyers/b1/users/u1", adminToken).path("Username").asText()).isEqualTo("ada@example.com");
            assertThat(api.get("v1/apiclients/shop", adminToken).path("AppName").asText()).isEqualTo("Shop");
            assertThat(api.get("v1/products/P1", adminToken).path("Name").asText()).isEqualTo("Shirt");
            JsonNode order = api.get("v1/orders/Outgoing/O1", userToken);
            assertThat(order.path("Comments").asText()).isEqualTo("kept across restarts");
            assertThat(order.path("FromUserID").asText()).isEqualTo("u1");
            assertThat(api.password("shop", "ada@example.com", "Secret-pw-1", "Shopper")).as("the password hash is kept").isNotBlank();
        }
    }
}
