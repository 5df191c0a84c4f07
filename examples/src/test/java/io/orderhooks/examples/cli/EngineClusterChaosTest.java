package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.client.OrderCloudClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chaos (engine half, runs with {@code -Dslow}): checkouts for 60 s through two engine JVMs on one PostgreSQL while
 * one engine is SIGKILLed and restarted. A call refused by a dead instance goes to the other one, as a load balancer
 * would retry a refused connection; any other failure abandons that order. Afterwards every submit answered 201 is
 * an {@code Open} order exported once, no order was exported twice, and every acknowledged line is on its order.
 */
@Tag("slow")
class EngineClusterChaosTest {

    static final int USERS = 6;
    static final Duration LOAD = Duration.ofSeconds(60);

    /** What the shoppers were told: acknowledged line IDs per order, and the orders whose submit was acknowledged. */
    final Map<String, Set<String>> ackedLines = new ConcurrentHashMap<>();
    final Set<String> ackedSubmits = ConcurrentHashMap.newKeySet();

    @Test
    void killingAnEngineDuringCheckoutsLosesNoAcknowledgedWriteAndExportsEveryOrderOnce() throws Exception {
        try (RecordingMerchant merchant = RecordingMerchant.start(); EngineCluster cluster = EngineCluster.start(merchant)) {
            String admin = cluster.instance(0).clientCredentials("admin-client", EngineCluster.ADMIN_SECRET, "FullAccess");
            ClusterShop.seed(cluster, admin);
            String token = ClusterShop.login(cluster.instance(0), "ann");
            long end = System.nanoTime() + LOAD.toNanos();
            ExecutorService users = Executors.newFixedThreadPool(USERS);
            List<Future<?>> running = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                running.add(users.submit(() -> shop(cluster, token, user, end)));
            }
            long warm = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (ackedSubmits.size() < USERS && System.nanoTime() < warm) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            cluster.engine(0).kill(); // mid-load: every user has work in flight
            int submittedBeforeRestart = ackedSubmits.size();
            cluster.restart(0);
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
            users.shutdown();

            assertThat(ackedSubmits).as("checkouts completed after the restart too").hasSizeGreaterThan(submittedBeforeRestart);
            OrderCloudClient api = cluster.instance(1);
            Map<String, Long> exports = new java.util.HashMap<>();
            merchant.calls("/integration/ordersubmit").forEach(c -> exports.merge(c.orderID(), 1L, Long::sum));
            assertThat(exports.values()).as("no order exported twice").allMatch(n -> n == 1);
            for (String id : ackedSubmits) {
                assertThat(exports).as("order " + id + " exported").containsEntry(id, 1L);
                assertThat(api.get("v1/orders/Outgoing/" + id, token).path("Status").asText()).isEqualTo("Open");
            }
            for (Map.Entry<String, Set<String>> order : ackedLines.entrySet()) {
                List<String> present = new ArrayList<>();
                api.listAll("v1/orders/Outgoing/" + order.getKey() + "/lineitems", token).forEach(l -> present.add(l.path("ID").asText()));
                assertThat(present).as("lines of " + order.getKey()).containsAll(order.getValue());
            }
        }
    }

    private void shop(EngineCluster cluster, String token, int user, long end) {
        for (int n = 0; System.nanoTime() < end; n++) {
            String id = "C" + user + "-" + n;
            try {
                call(cluster, api -> api.post("v1/orders/Outgoing", token, Map.of("ID", id)));
                for (int line = 0; line < 3; line++) {
                    JsonNode added = call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/lineitems", token,
                            Map.of("ProductID", "SANDWICH", "Quantity", 1)));
                    ackedLines.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(added.path("ID").asText());
                }
                call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/calculate", token, null));
                call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/submit", token, null));
                ackedSubmits.add(id);
            } catch (OrderCloudException abandoned) {
                // an answer other than a refused connection: the shopper gives this order up
            }
        }
    }

    /** The next instance, or the other one when the next refuses the connection (it is down). */
    private static JsonNode call(EngineCluster cluster, Function<OrderCloudClient, JsonNode> request) {
        try {
            return request.apply(cluster.next());
        } catch (OrderCloudException e) {
            if (!"Api.Unreachable".equals(e.errorCode()) || !String.valueOf(e.getMessage()).contains("ConnectException")) {
                throw e;
            }
            return request.apply(cluster.next());
        }
    }
}
