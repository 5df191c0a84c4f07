package io.orderhooks.benchmarks;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.OrderCalculateHandler;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
import io.orderhooks.events.testkit.CheckoutRequests;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What in-process delivery of {@code /ordercalculate} costs compared with calling the tax handler directly.
 * Four levels, each one containing the previous:
 *
 * <ol>
 *   <li>{@link #handlerDirect}: the real tax plugin's calculate handler on an already-parsed
 *       {@link CheckoutEvent}; a plain Java call, no JSON, no signature.
 *   <li>{@link #dispatcher}: {@link IntegrationEventsDispatcher#handle} on pre-signed bytes: verify
 *       {@code X-oc-hash}, parse, the handler (on the dispatcher's time-limit thread), validate, serialize.
 *   <li>{@link #inProcessDelivery}: {@link InProcessCheckoutIntegration#deliver} of the payload bytes:
 *       sign, circuit breaker, time limit, the dispatcher, delivery record.
 *   <li>{@link #inProcessRoundTrip}: what the engine does around the port: serialize the payload, deliver it
 *       in-process, bind the answer to {@link OrderCalculateResponse}.
 * </ol>
 *
 * {@code docs/PERFORMANCE.md} reports the delivery layer's own overhead ({@code inProcessDelivery /
 * dispatcher}) and the whole path's ({@code inProcessRoundTrip / handlerDirect}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class InProcessDeliveryBenchmark {

    @Param({"20", "200"})
    public int lines;

    /**
     * The delivery log keeps the newest records, each with its request body; 1,000 bounds what the benchmark
     * retains (the default 10,000 would hold 10,000 payloads) so the figure is the per-call work, not old-gen GC.
     */
    static final int LOG_CAPACITY = 1_000;

    private static final IntegrationEndpoint ENDPOINT =
            new IntegrationEndpoint("bench-ie", "https://middleware.invalid/integration", BenchMiddleware.HASH_KEY, null, null, null);

    private OrderCalculateHandler handler;
    private CheckoutEvent event;
    private IntegrationEventsDispatcher dispatcherUnderTest;
    private RawRequest signedRequest;
    private InProcessCheckoutIntegration sender;
    private CheckoutPayload payload;
    private CheckoutCall call;

    @Setup
    public void setUp() {
        handler = BenchMiddleware.taxCalculator().asHandler();
        payload = BenchMiddleware.calculatePayload(lines);
        event = CheckoutEvent.of(CheckoutEventType.ORDER_CALCULATE, payload);
        byte[] body = CheckoutRequests.bytes(payload);
        dispatcherUnderTest = BenchMiddleware.dispatcher();
        signedRequest = BenchMiddleware.signedCalculate(body);
        sender = new InProcessCheckoutIntegration(
                CheckoutSenderSettings.builder(new InMemoryDeliveryLog(LOG_CAPACITY)).build(), dispatcherUnderTest);
        call = new CheckoutCall(CheckoutEventType.ORDER_CALCULATE, ENDPOINT, "bench-order", body, null);
        OrderCalculateResponse answer = inProcessRoundTrip();
        if (!Boolean.TRUE.equals(answer.succeeded())) {
            throw new IllegalStateException("in-process delivery failed: " + answer.unhandledErrorBody());
        }
    }

    @TearDown
    public void tearDown() {
        sender.close();
        dispatcherUnderTest.close();
    }

    @Benchmark
    public OrderCalculateResponse handlerDirect() throws Exception {
        return handler.calculate(event);
    }

    @Benchmark
    public RawResponse dispatcher() {
        return dispatcherUnderTest.handle(signedRequest);
    }

    @Benchmark
    public DeliveryOutcome inProcessDelivery() {
        return sender.deliver(call);
    }

    @Benchmark
    public OrderCalculateResponse inProcessRoundTrip() {
        CheckoutCall fresh = new CheckoutCall(CheckoutEventType.ORDER_CALCULATE, ENDPOINT, "bench-order",
                CheckoutRequests.bytes(payload), null);
        DeliveryOutcome outcome = sender.deliver(fresh);
        return (OrderCalculateResponse) CheckoutResponses.record(CheckoutEventType.ORDER_CALCULATE, outcome);
    }
}
