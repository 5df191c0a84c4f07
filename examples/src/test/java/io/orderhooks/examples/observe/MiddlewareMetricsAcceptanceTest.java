package io.orderhooks.examples.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import io.orderhooks.examples.app.MerchantMiddleware;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example middleware under a bounded concurrent load, then its {@code /metrics} scraped over HTTP and parsed:
 * every counter and histogram holds exactly what was sent.
 */
class MiddlewareMetricsAcceptanceTest {

    private static final String KEY = "metrics-key";
    private static final String EVENTS = "integration-events";
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 25;
    private static final int FORGED = 7;

    @TempDir
    Path outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    private int post(String url, byte[] body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header(OcHash.HEADER, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] body(String orderID) {
        return CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order(orderID).line("mug", 2, "10.00").build()));
    }

    private MerchantMiddleware start(boolean metrics) {
        return MerchantMiddleware.start(new MerchantMiddleware.Settings(0, List.of(KEY), List.of(KEY), outbox, null,
                Clock.systemUTC(), metrics));
    }

    @Test
    void countersAndHistogramsAtMetricsHoldExactlyWhatALoadSent() throws Exception {
        try (MerchantMiddleware middleware = start(true)) {
            String calculate = middleware.integrationUrl() + "/" + CheckoutEventType.ORDER_CALCULATE.suffix();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        byte[] body = body("o-" + thread + "-" + i);
                        statuses.add(post(calculate, body, OcHash.sign(KEY, body)));
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> run : runs) {
                assertThat(run.get()).containsOnly(200);
            }
            pool.shutdown();
            for (int i = 0; i < FORGED; i++) {
                assertThat(post(calculate, body("forged"), OcHash.sign("wrong-key", body("forged")))).isEqualTo(401);
            }
            byte[] submit = body("submitted-once");
            String submitUrl = middleware.integrationUrl() + "/ordersubmit";
            assertThat(List.of(post(submitUrl, submit, OcHash.sign(KEY, submit)), post(submitUrl, submit,
                    OcHash.sign(KEY, submit)), post(submitUrl, submit, OcHash.sign(KEY, submit)))).containsOnly(200);
            assertThat(post(middleware.integrationUrl() + "/nope", submit, OcHash.sign(KEY, submit))).isEqualTo(404);
            assertThat(post(middleware.preWebhookUrl(), submit, "forged")).isEqualTo(401);

            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(middleware.metricsUrl())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            PrometheusText metrics = PrometheusText.parse(scraped.body());
            String requests = "orderhooks_receiver_requests_total";
            int answered = THREADS * CALLS_PER_THREAD;
            assertThat(metrics.value(requests, "receiver", EVENTS, "route", "ordercalculate", "outcome", "answered"))
                    .isEqualTo(answered);
            assertThat(metrics.value(requests, "receiver", EVENTS, "route", "ordercalculate", "outcome", "signature_refused"))
                    .isEqualTo(FORGED);
            assertThat(metrics.value(requests, "receiver", EVENTS, "route", "ordersubmit", "outcome", "answered")).isEqualTo(1);
            assertThat(metrics.value(requests, "receiver", EVENTS, "route", "ordersubmit", "outcome", "duplicate")).isEqualTo(2);
            assertThat(metrics.value(requests, "receiver", EVENTS, "route", "unknown", "outcome", "bad_request")).isEqualTo(1);
            assertThat(metrics.value(requests, "receiver", "webhooks", "route", "unknown", "outcome", "signature_refused"))
                    .isEqualTo(1);
            assertThat(metrics.all(requests)).hasSize(6);

            String latency = "orderhooks_receiver_handler_duration_seconds";
            assertThat(metrics.value(latency + "_count", "route", "ordercalculate")).isEqualTo(answered);
            assertThat(metrics.value(latency + "_count", "route", "ordersubmit")).isEqualTo(1);
            assertThat(metrics.value(latency + "_sum", "route", "ordercalculate")).isPositive();
            List<PrometheusText.Sample> buckets = metrics.all(latency + "_bucket", "route", "ordercalculate");
            assertThat(buckets).hasSizeGreaterThan(10);
            assertThat(metrics.value(latency + "_bucket", "route", "ordercalculate", "le", "+Inf")).isEqualTo(answered);
            double previous = 0;
            for (PrometheusText.Sample bucket : buckets) {
                assertThat(bucket.value()).as("cumulative bucket le=%s", bucket.labels().get("le")).isGreaterThanOrEqualTo(previous);
                previous = bucket.value();
            }
            assertThat(metrics.value("orderhooks_receiver_handlers_active", "route", "ordercalculate")).isZero();
            assertThat(metrics.all("jvm_memory_used_bytes")).isNotEmpty();
        }
    }

    @Test
    void withMetricsOffThereIsNoMetricsRoute() throws Exception {
        try (MerchantMiddleware middleware = start(false)) {
            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(middleware.baseUrl() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(middleware.metricsUrl()).isNull();
            assertThat(scraped.statusCode()).isEqualTo(404);
        }
    }
}
