package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.client.OrderCloudClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos (runs with {@code -Dslow}): two engine JVMs and two example-merchant middleware JVMs
 * ({@code middleware --demo-merchant --state postgresql://..}, one shared outbox folder) on one embedded PostgreSQL;
 * the engines reach the middlewares through a round-robin {@link LoopbackBalancer} (502 while its pick is dead).
 * Shoppers check out for 60 s (order, billing address, three lines, a group-order invitation whose post-webhook the
 * merchant records, calculate, submit) while one engine and one middleware are SIGKILLed together and restarted. A call refused by a dead engine
 * goes to the other one, as a load balancer retries a refused connection; any other failure abandons that order.
 * Afterwards: every acknowledged submit is an {@code Open} order exported once, no order was exported twice, no
 * acknowledged line is missing, every post-webhook a middleware accepted was handled once, and the delivery log
 * holds a record for every submit and every post-webhook, each post-webhook ending delivered or dead-lettered.
 * Orders are given up only where no middleware instance could answer: at most one per shopper to each kill
 * ({@link AbandonedCheckouts}). The run prints a timeline ({@link ChaosTimeline}): kills, restarts, breaker states,
 * abandoned orders and failed attempts.
 */
@Tag("slow")
class EngineClusterChaosTest {

    static final int USERS = 6;
    static final Duration LOAD = Duration.ofSeconds(60);
    static final Duration SETTLE = Duration.ofMinutes(3);
    static final String HASH_KEY = "chaos-hash-key";
    static final Pattern EXPORTED = Pattern.compile("Exported order (\\S+) on ordersubmit");
    /** A billing address in the example merchant's tax table (Minnesota), so its /ordercalculate can tax the order. */
    static final Map<String, String> BILL_TO = Map.of("Street1", "1 Main St", "City", "Minneapolis", "State", "MN",
            "Zip", "55401", "Country", "US");
    static final Pattern RECORDED = Pattern.compile("Recorded GROUP_ORDER invitation (\\S+) from post-webhook (\\S+)");

    @TempDir
    Path dir;

    final Map<String, Set<String>> ackedLines = new ConcurrentHashMap<>();
    final Set<String> ackedSubmits = ConcurrentHashMap.newKeySet();
    final Set<String> ackedInvitations = ConcurrentHashMap.newKeySet();
    final List<String> middlewareOutput = Collections.synchronizedList(new ArrayList<>());
    /** Why shoppers gave orders up: status and error code, counted. */
    final Map<String, Integer> abandoned = new ConcurrentHashMap<>();
    final AbandonedCheckouts abandonedOrders = new AbandonedCheckouts();
    volatile ChaosTimeline timeline;

    @Test
    void killingAnEngineAndAMiddlewareDuringCheckoutsLosesNothingAndExportsAndHandlesEverythingOnce() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        String state = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/postgres";
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path logConfig = ChildMiddleware.logConfig(dir);
        List<Integer> ports = List.of(ChildEngine.freePort(), ChildEngine.freePort());
        String[] mwArgs = {"--hash-key", HASH_KEY, "--outbox", outbox.toString(), "--state", state, "--no-metrics"};
        ChildMiddleware[] middlewares = new ChildMiddleware[2];
        for (int i = 0; i < 2; i++) {
            middlewares[i] = ChildMiddleware.start(ports.get(i), logConfig, middlewareOutput, mwArgs);
        }
        try (LoopbackBalancer lb = LoopbackBalancer.start(ports);
                EngineCluster cluster = EngineCluster.start(pg, lb.baseUrl(), "--integration-url", lb.baseUrl() + "/integration",
                        "--hash-key", HASH_KEY, "--webhook-url", lb.baseUrl() + "/webhooks",
                        "--webhook-route", "post POST v1/me/orderinvitations")) {
            String admin = cluster.instance(0).clientCredentials("admin-client", EngineCluster.ADMIN_SECRET, "FullAccess");
            ClusterShop.seed(cluster, admin);
            String token = ClusterShop.login(cluster.instance(0), "ann");
            timeline = ChaosTimeline.start(cluster, admin);
            long end = System.nanoTime() + LOAD.toNanos();
            ExecutorService users = Executors.newFixedThreadPool(USERS);
            List<Future<?>> running = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                running.add(users.submit(() -> shop(cluster, token, user, end)));
            }
            awaitSubmits(USERS, Duration.ofSeconds(40));
            cluster.engine(0).kill(); // mid-load: every user has work in flight
            middlewares[0].kill();
            timeline.note("engine 0 and middleware 0 killed");
            int submittedBeforeRestart = ackedSubmits.size();
            middlewares[0] = ChildMiddleware.start(ports.get(0), logConfig, middlewareOutput, mwArgs);
            timeline.note("middleware 0 serves again");
            cluster.restart(0);
            timeline.note("engine 0 serves again");
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
            users.shutdown();

            System.out.printf("chaos: %d checkouts acknowledged (%d before the kills), %d invitations, abandoned %s,"
                    + " %d connections refused by the balancer%n", ackedSubmits.size(), submittedBeforeRestart,
                    ackedInvitations.size(), abandoned, lb.refused());
            OrderCloudClient api = cluster.instance(1);
            List<JsonNode> deliveries = settledDeliveries(api, admin);
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            deliveries.forEach(d -> outcomes.merge(d.path("Kind").asText() + " " + d.path("Subject").asText() + " "
                    + d.path("Outcome").asText() + (d.path("DeadLetter").asBoolean() ? " dead-letter" : ""), 1, Integer::sum));
            System.out.println("chaos: delivery log " + outcomes);
            timeline.close();
            timeline.report(deliveries).forEach(line -> System.out.println("chaos: " + line));
            assertThat(ackedSubmits).as("checkouts completed after the restarts too; abandoned: " + abandoned)
                    .hasSizeGreaterThan(submittedBeforeRestart);
            assertAbandonedOnlyWhereNoInstanceCouldAnswer(deliveries);
            assertEveryAcknowledgedSubmitExportedOnce(api, token, deliveries);
            assertNoAcknowledgedLineLost(api, token);
            assertEveryPostWebhookRecordedAndHandledOnce(deliveries);
        } finally {
            for (ChildMiddleware m : middlewares) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }

    /**
     * Each shopper has one request in flight, so the engine kill may cost at most {@link #USERS} orders, and so may
     * the middleware kill (its in-flight checkout calls; a submit whose fate is unknown is not replayed) together
     * with the naive balancer's 502s while that instance restarts. Orders whose checkout call timed out (or met the
     * breaker those time-outs opened) are reported, not bounded: that is the machine's load. Before the engine
     * checked pooled connections and counted a retried call once, a killed middleware cost 100+ orders.
     */
    private void assertAbandonedOnlyWhereNoInstanceCouldAnswer(List<JsonNode> deliveries) {
        Map<String, List<String>> buckets = abandonedOrders.byBucket(deliveries);
        System.out.println("chaos: abandoned orders by cause " + buckets);
        assertThat(buckets.getOrDefault("engine kill", List.of())).as("requests in flight on the killed engine")
                .hasSizeLessThanOrEqualTo(USERS);
        assertThat(buckets.getOrDefault("middleware kill", List.of()))
                .as("orders lost to the middleware kill while the other instance answered; timeline:%n%s",
                        String.join("\n", timeline.report(deliveries)))
                .hasSizeLessThanOrEqualTo(USERS);
    }

    private void assertEveryAcknowledgedSubmitExportedOnce(OrderCloudClient api, String token, List<JsonNode> deliveries)
            throws Exception {
        Map<String, Long> exports = count(EXPORTED, 1);
        assertThat(exports.values()).as("no order exported twice").allMatch(n -> n == 1);
        Set<String> submitRecorded = new java.util.HashSet<>();
        deliveries.stream().filter(d -> "ordersubmit".equals(d.path("Subject").asText()) && d.path("Succeeded").asBoolean())
                .forEach(d -> submitRecorded.add(d.path("OrderID").asText()));
        for (String id : ackedSubmits) {
            assertThat(exports).as("order " + id + " exported").containsEntry(id, 1L);
            assertThat(Files.exists(outboxFile(id))).as("outbox document of " + id).isTrue();
            assertThat(submitRecorded).as("delivery record of the submit of " + id).contains(id);
            assertThat(api.get("v1/orders/Outgoing/" + id, token).path("Status").asText()).isEqualTo("Open");
        }
    }

    private Path outboxFile(String orderID) {
        return dir.resolve("outbox").resolve(orderID + ".json");
    }

    private void assertNoAcknowledgedLineLost(OrderCloudClient api, String token) {
        for (Map.Entry<String, Set<String>> order : ackedLines.entrySet()) {
            List<String> present = new ArrayList<>();
            api.listAll("v1/orders/Outgoing/" + order.getKey() + "/lineitems", token).forEach(l -> present.add(l.path("ID").asText()));
            assertThat(present).as("lines of " + order.getKey()).containsAll(order.getValue());
        }
    }

    /** Each post-webhook (by LogID) ended delivered or dead-lettered; each delivered one was handled exactly once. */
    private void assertEveryPostWebhookRecordedAndHandledOnce(List<JsonNode> deliveries) {
        Map<String, List<JsonNode>> byLogID = postWebhooksByLogID(deliveries);
        Map<String, String> invitationOfLog = new HashMap<>();
        byLogID.forEach((log, attempts) -> invitationOfLog.put(log,
                attempts.get(0).path("RequestBody").path("Response").path("Body").path("ID").asText()));
        assertThat(invitationOfLog.values()).as("a post-webhook recorded for every acknowledged invitation")
                .containsAll(ackedInvitations);
        Map<String, Long> handled = count(RECORDED, 2);
        for (Map.Entry<String, List<JsonNode>> hook : byLogID.entrySet()) {
            boolean delivered = hook.getValue().stream().anyMatch(d -> d.path("Succeeded").asBoolean());
            boolean deadLettered = hook.getValue().stream().anyMatch(d -> d.path("DeadLetter").asBoolean());
            assertThat(delivered || deadLettered).as("post-webhook " + hook.getKey() + " ended delivered or dead-lettered")
                    .isTrue();
            hook.getValue().forEach(d -> assertThat(d.path("Outcome").asText()).as("outcome recorded").isNotBlank());
            if (delivered) {
                assertThat(handled.getOrDefault(hook.getKey(), 0L)).as("accepted post-webhook " + hook.getKey()
                        + " handled once").isEqualTo(1L);
            }
        }
    }

    private static Map<String, List<JsonNode>> postWebhooksByLogID(List<JsonNode> deliveries) {
        Map<String, List<JsonNode>> byLogID = new HashMap<>();
        deliveries.stream().filter(d -> "POST_WEBHOOK".equals(d.path("Kind").asText()))
                .forEach(d -> byLogID.computeIfAbsent(d.path("RequestBody").path("LogID").asText(), k -> new ArrayList<>()).add(d));
        return byLogID;
    }

    /** The delivery log once every post-webhook in it has been delivered or dead-lettered (bounded wait). */
    private static List<JsonNode> settledDeliveries(OrderCloudClient api, String admin) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<JsonNode> all = new ArrayList<>();
            api.listAll("v1/deliveries", admin).forEach(all::add);
            boolean settled = postWebhooksByLogID(all).values().stream().allMatch(attempts -> attempts.stream()
                    .anyMatch(d -> d.path("Succeeded").asBoolean() || d.path("DeadLetter").asBoolean()));
            if (settled || System.nanoTime() > deadline) {
                return all;
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    /** How often each value of {@code group} of {@code pattern} appears in the middlewares' output. */
    private Map<String, Long> count(Pattern pattern, int group) {
        Map<String, Long> counts = new HashMap<>();
        synchronized (middlewareOutput) {
            for (String line : middlewareOutput) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    counts.merge(m.group(group), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private void awaitSubmits(int n, Duration limit) {
        long warm = System.nanoTime() + limit.toNanos();
        while (ackedSubmits.size() < n && System.nanoTime() < warm) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private void shop(EngineCluster cluster, String token, int user, long end) {
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
        for (int n = 0; System.nanoTime() < end; n++) {
            String id = "C" + user + "-" + n;
            try {
                call(cluster, api -> api.post("v1/orders/Outgoing", token, Map.of("ID", id)));
                call(cluster, api -> api.put("v1/orders/Outgoing/" + id + "/billto", token, BILL_TO));
                for (int line = 0; line < 3; line++) {
                    JsonNode added = call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/lineitems", token,
                            Map.of("ProductID", "SANDWICH", "Quantity", 1)));
                    ackedLines.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(added.path("ID").asText());
                }
                JsonNode invitation = call(cluster, api -> api.post("v1/me/orderinvitations", token,
                        Map.of("Name", "Lunch " + id, "OrderID", id, "ExpirationDate", expires)));
                ackedInvitations.add(invitation.path("ID").asText());
                calculate(cluster, token, id);
                call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/submit", token, null));
                ackedSubmits.add(id);
            } catch (OrderCloudException e) {
                // an answer other than a refused connection: the shopper gives this order up
                abandoned.merge(e.status() + " " + e.errorCode(), 1, Integer::sum);
                abandonedOrders.add(id, e.status(), e.errorCode());
                JsonNode data = e.data() == null ? null : e.data().path("Outcome");
                String why = data == null || data.isMissingNode() ? String.valueOf(e.getMessage()) : data.asText();
                timeline.count("abandoned " + e.status() + " " + e.errorCode() + ": "
                        + why.substring(0, Math.min(90, why.length())).replace(id, "{order}"));
            }
        }
    }

    /**
     * {@code calculate}, again (at most three times, a second apart) while its answer says the middleware call failed
     * (a dead middleware, a time limit on the loaded machine), as a storefront would before giving up.
     */
    private static void calculate(EngineCluster cluster, String token, String id) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonNode worksheet = call(cluster, api -> api.post("v1/orders/Outgoing/" + id + "/calculate", token, null));
            if (worksheet.path("OrderCalculateResponse").path("Succeeded").asBoolean(false)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    /** The next instance, or the other one when the next refuses the connection (it is down). */
    private static JsonNode call(EngineCluster cluster, Function<OrderCloudClient, JsonNode> request) {
        int next = cluster.nextIndex();
        try {
            return request.apply(cluster.instance(next));
        } catch (OrderCloudException e) {
            if (!"Api.Unreachable".equals(e.errorCode()) || !String.valueOf(e.getMessage()).contains("ConnectException")) {
                throw e;
            }
            return request.apply(cluster.instance(1 - next));
        }
    }
}
