package io.orderhooks.engine.senders.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InProcessCheckoutIntegrationTest {

    private static final byte[] PAYLOAD = "{\"OrderWorksheet\":{\"Order\":{\"ID\":\"o1\"}}}".getBytes(StandardCharsets.UTF_8);
    private static final IntegrationEndpoint ENDPOINT =
            new IntegrationEndpoint("ie1", "https://mw.example.com/integration", "k1", "X-Auth", "v", null);

    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();

    private CheckoutSenderSettings settings(Duration limit) {
        return CheckoutSenderSettings.builder(log).timeLimit(limit).retryWait(Duration.ofMillis(1)).build();
    }

    @Test
    void callsTheDispatcherWithTheSignedBytesOnTheSuffixPathAndNoSockets() {
        SigningReceiver dispatcher = new SigningReceiver(SignaturePolicy.keys("k1"), "{\"ShipEstimates\":[]}");
        try (InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(settings(Duration.ofSeconds(5)), dispatcher)) {
            DeliveryOutcome outcome = sender.deliver(new CheckoutCall(CheckoutEventType.SHIPPING_RATES, ENDPOINT, "o1", PAYLOAD, null));

            ShipEstimateResponse answer = (ShipEstimateResponse) CheckoutResponses.record(CheckoutEventType.SHIPPING_RATES, outcome);
            assertThat(answer.succeeded()).isTrue();
            assertThat(answer.shipEstimates()).isEmpty();
            assertThat(dispatcher.accepted).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/shippingrates");
                assertThat(r.body()).isEqualTo(PAYLOAD);
                assertThat(r.header("X-Auth")).isEqualTo("v");
            });
            assertThat(log.list(Query.ALL)).singleElement().extracting(DeliveryRecord::url)
                    .isEqualTo("https://mw.example.com/integration/shippingrates");
        }
    }

    @Test
    void cutsOffAHandlerThatOverrunsItsTimeLimit() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(settings(Duration.ofMillis(100)), request -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return RawResponse.json(200, new byte[0]);
        })) {
            DeliveryOutcome outcome = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_SUBMIT, ENDPOINT, "o1", PAYLOAD, "k"));

            assertThat(outcome).isEqualTo(new DeliveryOutcome.TimedOut(Duration.ofMillis(100), outcome.latency()));
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(log.list(Query.ALL)).singleElement().extracting(DeliveryRecord::outcome)
                    .isEqualTo(DeliveryRecord.OutcomeKind.TIMED_OUT);
        }
    }

    @Test
    void retriesCalculateWhenTheHandlerThrowsButNeverASubmit() {
        AtomicInteger calls = new AtomicInteger();
        try (InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(settings(Duration.ofSeconds(5)), request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("broken handler");
        })) {
            DeliveryOutcome calc = sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_CALCULATE, ENDPOINT, "o1", PAYLOAD, null));
            assertThat(calls).hasValue(3);
            assertThat(calc).isInstanceOfSatisfying(DeliveryOutcome.Unreachable.class,
                    u -> assertThat(u.reason()).isEqualTo("in-process handler failed: java.lang.IllegalStateException: broken handler"));

            sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_SUBMIT, ENDPOINT, "o1", PAYLOAD, "k"));
            assertThat(calls).hasValue(4);
        }
    }
}
