package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine on H2 under a loop of writes is killed with SIGKILL (no shutdown hook runs); after a restart on the same
 * data folder, every write that was answered 2xx is there, and no order is half-applied (its line count, lines and
 * subtotal agree).
 */
class EngineCrashAcceptanceTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path data;

    /** Order ID → the quantity of its one line, once that line was acknowledged (0 while only the order was). */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();

    @Test
    void noAcknowledgedWriteIsLostAndNoOrderIsHalfAppliedAfterSigkill() throws Exception {
        int port = ChildEngine.freePort();
        String userToken;
        ChildEngine first = ChildEngine.start(data, port);
        try {
            OrderCloudClient api = new OrderCloudClient(first.baseUrl());
            userToken = seed(api);
            String token = userToken;
            Thread writer = new Thread(() -> writeUntilFailure(api, token), "crash-writer");
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (acks.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && writer.isAlive()) {
                writer.join(100);
            }
            assertThat(acks.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            first.kill();
            writer.join(TimeUnit.SECONDS.toMillis(60));
        } finally {
            first.kill();
        }
        try (ChildEngine second = ChildEngine.start(data, port)) {
            OrderCloudClient api = new OrderCloudClient(second.baseUrl());
            for (Map.Entry<String, Integer> ack : Map.copyOf(acknowledged).entrySet()) {
                JsonNode order = api.get("v1/orders/Outgoing/" + ack.getKey(), userToken);
                JsonNode lines = api.get("v1/orders/Outgoing/" + ack.getKey() + "/lineitems", userToken).path("Items");
                if (ack.getValue() > 0) {
                    assertThat(lines.size()).as("lines of " + ack.getKey()).isEqualTo(1);
                    assertThat(lines.get(0).path("Quantity").asInt()).isEqualTo(ack.getValue());
                }
                assertWhole(order, lines);
            }
        }
    }

    /** The order's line count and subtotal agree with its lines. */
    private static void assertWhole(JsonNode order, JsonNode lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            sum = sum.add(line.path("LineTotal").decimalValue());
        }
        assertThat(order.path("LineItemCount").asInt()).as("LineItemCount of " + order.path("ID").asText()).isEqualTo(lines.size());
        assertThat(order.path("Subtotal").decimalValue()).as("Subtotal of " + order.path("ID").asText()).isEqualByComparingTo(sum);
    }

    private void writeUntilFailure(OrderCloudClient api, String token) {
        try {
            for (int i = 1; ; i++) {
                String id = "C" + i;
                api.post("v1/orders/Outgoing", token, Map.of("ID", id));
                acknowledged.put(id, 0);
                acks.incrementAndGet();
                int quantity = i % 3 + 1;
                api.post("v1/orders/Outgoing/" + id + "/lineitems", token, Map.of("ProductID", "P1", "Quantity", quantity));
                acknowledged.put(id, quantity);
                acks.incrementAndGet();
            }
        } catch (RuntimeException killed) {
            // the engine is gone: the write in flight was not acknowledged
        }
    }

    /** A buyer who can order P1 at 10.00; returns the buyer user's token. */
    private static String seed(OrderCloudClient api) {
        String admin = api.clientCredentials("admin-client", "admin-secret", "FullAccess");
        api.post("v1/catalogs", admin, Map.of("ID", "cat", "Name", "Main", "Active", true));
        api.post("v1/buyers", admin, Map.of("ID", "b1", "Name", "Buyer One", "Active", true, "DefaultCatalogID", "cat"));
        api.post("v1/catalogs/assignments", admin, Map.of("CatalogID", "cat", "BuyerID", "b1"));
        api.post("v1/buyers/b1/users", admin, Map.of("ID", "u1", "Username", "ada@example.com", "Password", "Secret-pw-1",
                "FirstName", "Ada", "LastName", "Buyer", "Email", "ada@example.com", "Active", true));
        api.post("v1/securityprofiles", admin, Map.of("ID", "shopper", "Name", "Shopper", "Roles", List.of("Shopper", "MeAdmin")));
        api.post("v1/securityprofiles/assignments", admin, Map.of("SecurityProfileID", "shopper", "BuyerID", "b1"));
        api.post("v1/apiclients", admin, Map.of("ID", "shop", "AppName", "Shop", "Active", true, "AllowAnyBuyer", true,
                "AccessTokenDuration", 3600));
        api.post("v1/priceschedules", admin, Map.of("ID", "ps1", "Name", "P1", "PriceBreaks",
                List.of(Map.of("Quantity", 1, "Price", new BigDecimal("10.00")))));
        api.post("v1/products", admin, Map.of("ID", "P1", "Name", "Shirt", "Active", true, "DefaultPriceScheduleID", "ps1"));
        api.post("v1/catalogs/productassignments", admin, Map.of("CatalogID", "cat", "ProductID", "P1"));
        return api.password("shop", "ada@example.com", "Secret-pw-1", "Shopper", "MeAdmin");
    }
}
