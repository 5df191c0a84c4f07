package io.orderhooks.engine.senders.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the in-process sender runs an integration-events dispatcher, and which time limit answers. */
class InProcessDispatcherHopTest {

    private static final IntegrationEndpoint ENDPOINT =
            new IntegrationEndpoint("ie1", "https://mw.example.com/integration", "k1", null, null, null);
    private static final Duration SHORT = Duration.ofMillis(100);
    private static final Duration LONG = Duration.ofSeconds(20);

    private final CountDownLatch never = new CountDownLatch(1);
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private IntegrationEventsDispatcher dispatcher;

    @AfterEach
    void close() {
        never.countDown();
        dispatcher.close();
    }

    /** Blocks until interrupted by a time limit (or released at the end of the test). */
    private <T> T hang() {
        try {
            never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private DeliveryOutcome deliverCalculate(Duration senderLimit) {
        byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o1").line("MUG", 1, "8.50").build()));
        CheckoutSenderSettings settings = CheckoutSenderSettings.builder(log).timeLimit(senderLimit).maxAttempts(1).build();
        try (InProcessCheckoutIntegration sender = new InProcessCheckoutIntegration(settings, dispatcher)) {
            return sender.deliver(new CheckoutCall(CheckoutEventType.ORDER_CALCULATE, ENDPOINT, "o1", body, null));
        }
    }

    @Test
    void letsADispatcherWhoseLimitIsWithinTheSendersAnswerItsOwn504() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k1").timeLimit(SHORT).orderCalculate(e -> hang()).build();

        DeliveryOutcome outcome = deliverCalculate(LONG);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Rejected.class);
        DeliveryOutcome.Rejected rejected = (DeliveryOutcome.Rejected) outcome;
        assertThat(rejected.status()).isEqualTo(504);
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).contains("\"ErrorCode\":\"IntegrationEvent.Timeout\"");
    }

    @Test
    void cutsOffADispatcherWhoseLimitExceedsTheSendersAtTheSendersLimit() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k1").timeLimit(LONG).orderCalculate(e -> hang()).build();

        DeliveryOutcome outcome = deliverCalculate(SHORT);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.TimedOut(SHORT, outcome.latency()));
    }

    @Test
    void countsAFallbackAsASecondRunOfTheTimeLimit() {
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k1").timeLimit(Duration.ofSeconds(3))
                .orderCalculate(e -> hang(), e -> hang()).build();

        assertThat(dispatcher.answersWithin("/ordercalculate", Duration.ofSeconds(6))).isTrue();
        assertThat(dispatcher.answersWithin("/ordercalculate/", Duration.ofSeconds(6))).isTrue();
        assertThat(dispatcher.answersWithin("/ordercalculate", Duration.ofMillis(5_999))).isFalse();
        assertThat(dispatcher.answersWithin("/nosuchevent", Duration.ofMillis(1))).isTrue();
    }

    @Test
    void doesNotVouchForADeDuplicatedEventBehindACustomStore() {
        IdempotencyStore custom = new InMemoryIdempotencyStore(Clock.systemUTC())::execute;
        dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k1").timeLimit(SHORT).idempotencyStore(custom)
                .orderSubmit(e -> null).orderCalculate(e -> hang()).build();

        assertThat(dispatcher.answersWithin("/ordersubmit", LONG)).isFalse();
        assertThat(dispatcher.answersWithin("/ordercalculate", LONG)).isTrue();
    }
}
