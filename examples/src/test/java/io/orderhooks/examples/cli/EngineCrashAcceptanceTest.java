package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine under a loop of writes, on H2 and on PostgreSQL, is killed with SIGKILL (no shutdown hook runs) while the
 * post-webhooks of its writes are failing (the receiver answers 500). After a restart on the same database (the
 * receiver answering 200 again): every write that was answered 2xx is there, no order is half-applied (its line count,
 * lines and subtotal agree), and every acknowledged write's post-webhook is delivered exactly once (the receiver was
 * failing at the kill, so no successful delivery was in flight and the at-least-once rule allows no repeat here).
 * When it fails, both engines' output and the receiver's timeline are saved under {@code target/crash-logs}.
 */
class EngineCrashAcceptanceTest {

    private static final int HOOKS_FAIL_FROM = 20;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    @TempDir
    Path data;

    /** Order ID → the quantity of its one line, once that line was acknowledged (0 while only the order was). */
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();

    @Test
    void onH2NoAcknowledgedWriteIsLostNoOrderIsHalfAppliedAndEveryPostWebhookIsDeliveredOnceAfterSigkill()
            throws Exception {
        crashAndRestart();
    }

    @Test
    void onPostgresNoAcknowledgedWriteIsLostNoOrderIsHalfAppliedAndEveryPostWebhookIsDeliveredOnceAfterSigkill()
            throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            crashAndRestart("--store", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        }
    }

    private void crashAndRestart(String... store) throws Exception {
        int port = ChildEngine.freePort();
        String userToken;
        try (CrashHookReceiver hooks = new CrashHookReceiver()) {
            ChildEngine first = ChildEngine.start(data, port, store);
            try {
                OrderCloudClient api = new OrderCloudClient(first.baseUrl());
                userToken = seed(api, hooks.url());
                String token = userToken;
                Thread writer = new Thread(() -> writeUntilFailure(api, token), "crash-writer");
                writer.start();
                awaitAcks(HOOKS_FAIL_FROM, writer);
                hooks.failing.set(true);
                awaitAcks(ACKNOWLEDGED_BEFORE_KILL, writer);
                assertThat(acks.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
                first.kill();
                writer.join(TimeUnit.SECONDS.toMillis(60));
            } finally {
                first.kill();
            }
            assertThat(hooks.refused.get()).as("post-webhook attempts refused before the kill").isPositive();
            hooks.failing.set(false);
            try (ChildEngine second = ChildEngine.start(data, port, store)) {
                try {
                    verifyAfterRestart(second, userToken, hooks);
                } catch (AssertionError | RuntimeException failed) {
                    failed.addSuppressed(new AssertionError("engine output and receiver timeline saved in "
                            + saveLogs(store.length == 0 ? "h2" : "postgresql", first, second, hooks)));
                    throw failed;
                }
            }
        }
    }

    /** Every acknowledged write is there and whole, and its post-webhook arrived exactly once. */
    private void verifyAfterRestart(ChildEngine second, String userToken, CrashHookReceiver hooks)
            throws InterruptedException {
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
        assertEveryAcknowledgedWriteDeliveredOnce(hooks);
    }

    /** Writes both engines' output and the receiver's timeline to a new folder under target/crash-logs. */
    private static Path saveLogs(String store, ChildEngine first, ChildEngine second, CrashHookReceiver hooks) {
        Path dir = Path.of("target", "crash-logs", store + "-" + System.currentTimeMillis()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("first-engine.log"), first.output());
            Files.write(dir.resolve("second-engine.log"), second.output());
            Files.write(dir.resolve("receiver.log"), List.copyOf(hooks.timeline));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the crash test's logs in " + dir, e);
        }
        return dir;
    }

    private void awaitAcks(int count, Thread writer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (acks.get() < count && System.nanoTime() < deadline && writer.isAlive()) {
            writer.join(20);
        }
    }

    /** Polls (retries after the restart are due within about 40 s) until every acknowledged write's hook arrived. */
    private void assertEveryAcknowledgedWriteDeliveredOnce(CrashHookReceiver hooks) throws InterruptedException {
        Set<String> writes = new HashSet<>();
        acknowledged.forEach((id, quantity) -> {
            writes.add("order:" + id);
            if (quantity > 0) {
                writes.add("line:" + id);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (!hooks.logIDsByWrite.keySet().containsAll(writes) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(hooks.logIDsByWrite.keySet()).as("writes whose post-webhook arrived").containsAll(writes);
        for (String write : writes) {
            assertThat(hooks.logIDsByWrite.get(write)).as("LogIDs of " + write).hasSize(1);
        }
        assertThat(hooks.deliveredByLogID.values()).as("deliveries per LogID")
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(hooks.logIDsByWrite.keySet().size()).as("at most the unacknowledged write in flight is extra")
                .isLessThanOrEqualTo(writes.size() + 1);
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

    /**
     * A buyer who can order P1 at 10.00, and a post-webhook on order creation and line additions through the shop
     * client to {@code hookUrl}; returns the buyer user's token.
     */
    private static String seed(OrderCloudClient api, String hookUrl) {
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
        api.post("v1/webhooks", admin, Map.of("ID", "order-sync", "Name", "Order sync", "Url", hookUrl, "HashKey", "k",
                "BeforeProcessRequest", false, "ApiClientIDs", List.of("shop"), "WebhookRoutes", List.of(
                        Map.of("Route", "v1/orders/{direction}", "Verb", "POST"),
                        Map.of("Route", "v1/orders/{direction}/{orderID}/lineitems", "Verb", "POST"))));
        return api.password("shop", "ada@example.com", "Secret-pw-1", "Shopper", "MeAdmin");
    }
}
