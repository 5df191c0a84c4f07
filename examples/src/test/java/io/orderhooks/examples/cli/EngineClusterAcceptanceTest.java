package io.orderhooks.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.client.OrderCloudClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two engine JVMs started at the same moment on one empty PostgreSQL database (both come up, one admin bootstrap),
 * behind a round-robin client (each call goes to the other instance): group-order contributors lose no line, a double
 * submit submits once, tokens and revocations hold on both, and the shared-cart purge notice goes out once although
 * both instances run the purge every second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineClusterAcceptanceTest {

    static final String CLIENT = "storefront";
    static final Duration POLL = Duration.ofMillis(50);

    RecordingMerchant merchant;
    EngineCluster cluster;
    String admin;

    @BeforeAll
    void startCluster() throws Exception {
        merchant = RecordingMerchant.start();
        cluster = EngineCluster.start(merchant);
        admin = cluster.instance(0).clientCredentials("admin-client", EngineCluster.ADMIN_SECRET, "FullAccess");
        ClusterShop.seed(cluster, admin);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (merchant != null) {
            merchant.close();
        }
    }

    @Test
    void bothInstancesStartedAtOnceOnAnEmptyDatabaseAndExactlyOneGeneratedTheAdminPassword() {
        List<String> banners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cluster.engine(i).output().stream().filter(l -> l.contains("admin password")).forEach(banners::add);
        }
        assertThat(banners).hasSize(2);
        assertThat(banners).filteredOn(l -> l.contains("generated, shown once")).hasSize(1);
        assertThat(banners).filteredOn(l -> l.endsWith("admin password: as stored at first start")).hasSize(1);
        for (int i = 0; i < 2; i++) {
            String token = cluster.instance(i).clientCredentials("admin-client", EngineCluster.ADMIN_SECRET, "FullAccess");
            assertThat(cluster.instance(1 - i).get("v1/me", token).path("Username").asText()).isEqualTo("admin");
            assertThat(cluster.instance(i).get("v1/integrationEvents", token).path("Items")).hasSize(1);
        }
    }

    @Test
    void fiftyContributorsAddingLinesThroughBothInstancesLoseNone() throws Exception {
        String ann = ClusterShop.login(cluster.next(), "ann");
        cluster.next().post("v1/orders/Outgoing", ann, Map.of("ID", "LUNCH"));
        String expires = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString();
        String invitation = cluster.next().post("v1/me/orderinvitations", ann,
                Map.of("Name", "Lunch", "OrderID", "LUNCH", "ExpirationDate", expires)).get("ID").asText();

        List<Callable<JsonNode>> contributors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            contributors.add(() -> {
                String token = cluster.next().post("v1/grouporders/" + invitation + "/token", null, null).get("access_token").asText();
                return cluster.next().post("v1/cart/lineitems", token, Map.of("ProductID", "SANDWICH", "Quantity", 1));
            });
        }
        List<JsonNode> added = runConcurrently(contributors, 16);

        assertThat(added).extracting(l -> l.path("ID").asText()).doesNotHaveDuplicates().hasSize(50);
        JsonNode order = cluster.next().get("v1/orders/Outgoing/LUNCH", ann);
        assertThat(order.path("LineItemCount").asInt()).isEqualTo(50);
        assertThat(order.path("Subtotal").decimalValue()).isEqualByComparingTo("375.00");
        assertThat(cluster.next().listAll("v1/orders/Outgoing/LUNCH/lineitems", ann)).hasSize(50);
    }

    @Test
    void twentyConcurrentSubmitsOfOneOrderSubmitItOnceAndExportItOnce() throws Exception {
        String ann = ClusterShop.login(cluster.next(), "ann");
        cluster.next().post("v1/orders/Outgoing", ann, Map.of("ID", "ONCE"));
        cluster.next().post("v1/orders/Outgoing/ONCE/lineitems", ann, Map.of("ProductID", "SANDWICH", "Quantity", 2));
        cluster.next().post("v1/orders/Outgoing/ONCE/calculate", ann, null);

        List<Callable<String>> submits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submits.add(() -> {
                try {
                    return "ok " + cluster.next().post("v1/orders/Outgoing/ONCE/submit", ann, null).path("Status").asText();
                } catch (OrderCloudException e) {
                    return e.status() + " " + e.errorCode();
                }
            });
        }
        List<String> outcomes = runConcurrently(submits, submits.size());

        assertThat(outcomes).filteredOn(o -> o.startsWith("ok")).containsExactly("ok Open");
        assertThat(outcomes).filteredOn(o -> !o.startsWith("ok")).hasSize(19)
                .allMatch(o -> o.matches("4\\d\\d [A-Za-z.]+"), "an OrderCloud 4xx error code");
        assertThat(merchant.calls("/integration/ordersubmit")).filteredOn(c -> "ONCE".equals(c.orderID())).hasSize(1);
        assertThat(cluster.next().get("v1/orders/Outgoing/ONCE", ann).path("Status").asText()).isEqualTo("Open");
    }

    @Test
    void aTokenIssuedByOneInstanceWorksOnTheOtherAndItsRevocationHoldsThere() {
        OrderCloudClient a = cluster.instance(0);
        OrderCloudClient b = cluster.instance(1);
        JsonNode issued = a.tokenResponse(ClusterShop.passwordForm("cy"));
        String token = issued.get("access_token").asText();
        assertThat(b.get("v1/me", token).path("ID").asText()).isEqualTo("cy");

        JsonNode refreshed = b.tokenResponse(Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "refresh_token", issued.get("refresh_token").asText()));
        assertThat(a.get("v1/me", refreshed.get("access_token").asText()).path("ID").asText()).isEqualTo("cy");

        a.delete("v1/me/tokens", token);
        assertThatThrownBy(() -> b.get("v1/me", token)).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorCode()).isEqualTo("InvalidToken");
            assertThat(e.getMessage()).isEqualTo("Access token has been revoked");
        });
    }

    @Test
    void theSharedCartPurgeNoticeGoesOutOnceAlthoughBothInstancesPurgeEverySecond() throws Exception {
        String dee = ClusterShop.login(cluster.next(), "dee");
        cluster.next().post("v1/cart/lineitems", dee, Map.of("ProductID", "SANDWICH", "Quantity", 1));
        String cartID = cluster.next().post("v1/cart/share", dee, null).path("ID").asText();
        // seven weeks and a day without a change: inside the notice week before the purge at eight weeks
        String aged = OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(50)), ZoneOffset.UTC).toString();
        assertThat(cluster.sql("UPDATE orders SET doc = regexp_replace(doc, '\"LastUpdated\":\"[^\"]*\"', ?, 'g') WHERE id = ?",
                "\"LastUpdated\":\"" + aged + "\"", cartID)).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (merchant.calls("/messages").isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
        assertThat(merchant.calls("/messages")).as("the notice arrives").hasSize(1);
        long quiet = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < quiet) {
            assertThat(merchant.calls("/messages")).as("five more purge passes on each instance send nothing").hasSize(1);
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
