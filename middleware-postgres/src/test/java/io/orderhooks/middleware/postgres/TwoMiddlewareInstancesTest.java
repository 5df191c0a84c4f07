package io.orderhooks.middleware.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two (and, for the crash, more) middleware JVMs on one real PostgreSQL, as behind a load balancer: the
 * shared idempotency store, post-webhook de-duplication and queue hold across processes and a SIGKILL.
 */
class TwoMiddlewareInstancesTest {

    @TempDir
    static Path dir;
    static String stateUrl;
    static MiddlewareProcess a;
    static MiddlewareProcess b;
    final ExecutorService pool = Executors.newFixedThreadPool(20);

    @BeforeAll
    static void startTwoInstances() throws Exception {
        stateUrl = TestDatabase.fresh();
        a = MiddlewareProcess.start(stateUrl, dir.resolve("records.txt"), "record", dir.resolve("a.log"));
        b = MiddlewareProcess.start(stateUrl, dir.resolve("records.txt"), "record", dir.resolve("b.log"));
    }

    @AfterAll
    static void stopInstances() throws Exception {
        a.close();
        b.close();
    }

    @Test
    void twentyConcurrentCopiesOfOneSubmitOnAlternatingInstancesExportOnce() throws Exception {
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o-twenty").line("p1", 1, "10.00").build()));
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            MiddlewareProcess to = i % 2 == 0 ? a : b;
            calls.add(() -> to.post("/integration/" + CheckoutEventType.ORDER_SUBMIT.suffix(), body,
                    "Idempotency-Key", "submit-o-twenty"));
        }

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
            answers.add(f.get(2, TimeUnit.MINUTES));
        }

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(answers).extracting(HttpResponse::body).as("every copy gets the one export's answer").containsOnly(answers.get(0).body());
        assertThat(answers.stream().filter(r -> r.headers().firstValue("X-Idempotent-Replay").isPresent())).hasSize(19);
        assertThat(records("export o-twenty")).isEqualTo(1);
    }

    @Test
    void oneLogIdDeliveredToBothInstancesIsHandledOnce() throws Exception {
        byte[] body = submitHook("log-both");
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> calls.add(() -> (i % 2 == 0 ? a : b).post("/webhooks", body)));

        for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
            assertThat(f.get(2, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        }

        awaitUntil(() -> records("post log-both") >= 1 && pending(a) == 0);
        assertThat(records("post log-both")).isEqualTo(1);
    }

    @Test
    void deliveriesAcceptedByAKilledInstanceAreEachDeliveredOnceByAnother() throws Exception {
        String url = TestDatabase.fresh();
        Path records = dir.resolve("crash.txt");
        MiddlewareProcess doomed = MiddlewareProcess.start(url, records, "hang", dir.resolve("doomed.log"));
        List<String> logIds = IntStream.range(0, 10).mapToObj(i -> "crash-" + i).toList();
        for (String logId : logIds) {
            assertThat(doomed.post("/webhooks", submitHook(logId)).statusCode()).isEqualTo(200);
        }
        awaitUntil(() -> count(records, "started ") == 2);
        List<String> inHand = lines(records).stream().filter(l -> l.startsWith("started ")).map(l -> l.substring(8)).toList();

        try (MiddlewareProcess survivor = MiddlewareProcess.start(url, records, "record", dir.resolve("survivor.log"))) {
            awaitUntil(() -> count(records, "post ") == 8);
            assertThat(lines(records)).as("the survivor skips what the doomed instance holds")
                    .noneMatch(l -> inHand.stream().anyMatch(id -> l.equals("post " + id)));

            doomed.kill();

            awaitUntil(() -> count(records, "post ") == 10 && pending(survivor) == 0);
            for (String logId : logIds) {
                assertThat(count(records, "post " + logId + "")).as(logId).isEqualTo(1);
            }
            assertThat(survivor.get("/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bothInstancesAreLiveAndReady() throws Exception {
        for (MiddlewareProcess p : List.of(a, b)) {
            assertThat(p.get("/health").body()).isEqualTo("{\"Status\":\"OK\"}");
            HttpResponse<String> ready = p.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"Status\":\"READY\",\"Checks\":{\"state\":\"OK\"}}");
        }
    }

    static byte[] submitHook(String logId) {
        return WebhookPayloads.forRoute(MiddlewareInstanceMain.SUBMIT_ROUTE, "POST").param("direction", "Incoming")
                .param("orderID", "o-" + logId).logId(logId).requestBody("{}").responseBody("{}").toBytes();
    }

    static int pending(MiddlewareProcess p) throws IOException, InterruptedException {
        JsonNode health = OrderCloudJson.mapper().readTree(p.get("/webhooks/health").body());
        return health.get("Pending").asInt();
    }

    static long records(String line) throws IOException {
        return lines(dir.resolve("records.txt")).stream().filter(line::equals).count();
    }

    static long count(Path file, String prefix) throws IOException {
        return lines(file).stream().filter(l -> l.startsWith(prefix)).count();
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    interface Probe {
        boolean holds() throws Exception;
    }

    /** Polls {@code probe} every 50 ms for at most 2 minutes (async effects across processes). */
    static void awaitUntil(Probe probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!probe.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 2 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
