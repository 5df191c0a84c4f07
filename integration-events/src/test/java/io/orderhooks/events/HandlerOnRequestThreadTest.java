package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Over real HTTP (Javalin): handlers run on the request thread, and a handler that ignores interruption is still
 * answered at its limit, while it keeps running, by the dispatcher's timer.
 */
class HandlerOnRequestThreadTest {

    static final Duration LIMIT = Duration.ofMillis(200);
    static final String KEY = "k";

    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").build();
    final HttpClient http = HttpClient.newHttpClient();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicBoolean handlerReturned = new AtomicBoolean();
    final AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    final AtomicReference<String> handlerThread = new AtomicReference<>();
    IntegrationEventsDispatcher dispatcher;
    Javalin app;

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.stop();
        }
        dispatcher.close();
    }

    void start(IntegrationEventsDispatcher d) {
        dispatcher = d;
        app = Javalin.create(cfg -> {
            cfg.registerPlugin(IntegrationEventsPlugin.at("/oc", d));
            cfg.routes.after(ctx -> interruptedAfter.set(Thread.currentThread().isInterrupted()));
        }).start(0);
    }

    /** Waits for {@link #release} and swallows every interrupt: the limit cannot stop it. */
    <T> T ignoreInterrupts(T answer) {
        handlerThread.set(Thread.currentThread().getName());
        started.countDown();
        while (true) {
            try {
                release.await();
                break;
            } catch (InterruptedException ignored) {
                // keeps waiting on purpose
            }
        }
        handlerReturned.set(true);
        return answer;
    }

    CompletableFuture<HttpResponse<String>> post(CheckoutEventType event) {
        RawRequest signed = CheckoutRequests.signed(event, worksheet, KEY);
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/oc/" + event.suffix()))
                .header("Content-Type", "application/json").header(OcHash.HEADER, signed.header(OcHash.HEADER))
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHandlerIgnoringInterruptionIsAnswered504AtItsLimitWhileItIsStillRunning() throws Exception {
        start(IntegrationEventsDispatcher.builder().hashKeys(KEY).timeLimit(LIMIT)
                .orderCalculate(e -> ignoreInterrupts(OrderCalculateResponse.builder().taxTotal(BigDecimal.ONE).build()))
                .build());

        HttpResponse<String> response = post(CheckoutEventType.ORDER_CALCULATE).get(30, TimeUnit.SECONDS);

        assertThat(handlerReturned).as("the handler is still running when its answer arrives").isFalse();
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"ErrorCode\":\"IntegrationEvent.Timeout\"")
                .contains("The ordercalculate handler did not answer within its time limit of 200 ms");
        release.countDown();
        pollUntil(() -> interruptedAfter.get() != null);
        assertThat(interruptedAfter.get()).as("the request thread's interrupt flag is clear afterwards").isFalse();
    }

    @Test
    void aHandlerIgnoringInterruptionGetsItsFallbackAnsweredAtTheLimit() throws Exception {
        start(IntegrationEventsDispatcher.builder().hashKeys(KEY).timeLimit(LIMIT)
                .orderCalculate(e -> ignoreInterrupts(OrderCalculateResponse.builder().taxTotal(BigDecimal.ONE).build()),
                        e -> OrderCalculateResponse.builder().taxTotal(BigDecimal.ZERO).build())
                .build());

        HttpResponse<String> response = post(CheckoutEventType.ORDER_CALCULATE).get(30, TimeUnit.SECONDS);

        assertThat(handlerReturned).isFalse();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"TaxTotal\":0");
    }

    @Test
    void aSubmitThatTimedOutIsNotReplayedAsTheLateSuccess() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(IntegrationEventsDispatcher.builder().hashKeys(KEY).timeLimit(LIMIT)
                .orderSubmit(e -> calls.incrementAndGet() == 1 ? this.<io.orderhooks.core.model.OrderSubmitResponse>ignoreInterrupts(null) : null)
                .build());

        HttpResponse<String> first = post(CheckoutEventType.ORDER_SUBMIT).get(30, TimeUnit.SECONDS);
        assertThat(first.statusCode()).isEqualTo(504);
        release.countDown();
        pollUntil(handlerReturned::get);
        HttpResponse<String> again = post(CheckoutEventType.ORDER_SUBMIT).get(30, TimeUnit.SECONDS);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Idempotent-Replay")).isEmpty();
        assertThat(calls).as("the retry ran the handler again").hasValue(2);
    }

    @Test
    void theHandlerRunsOnTheRequestThreadWithTheRequestsTraceInItsMdc() throws Exception {
        AtomicReference<String> traceId = new AtomicReference<>();
        start(IntegrationEventsDispatcher.builder().hashKeys(KEY).timeLimit(Duration.ofSeconds(30))
                .orderCalculate(e -> {
                    handlerThread.set(Thread.currentThread().getName());
                    traceId.set(MDC.get(Traces.TRACE_ID));
                    return OrderCalculateResponse.builder().taxTotal(BigDecimal.TEN).build();
                })
                .build());

        HttpResponse<String> response = post(CheckoutEventType.ORDER_CALCULATE).get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handlerThread.get()).doesNotStartWith("integration-events");
        assertThat(traceId).hasValue("0af7651916cd43dd8448eb211c80319c");
        pollUntil(() -> interruptedAfter.get() != null);
        assertThat(interruptedAfter.get()).isFalse();
    }

    static void pollUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within 30 s").isNegative();
            Thread.sleep(5);
        }
    }
}
