package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.testkit.CheckoutRequests;
import io.orderhooks.events.testkit.Worksheets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntegrationEventsDispatcherBuilderTest {

    final OrderCalculateHandler calculate = e -> OrderCalculateResponse.builder().build();

    @Test
    void refusesABuildWithoutAnyHandler() {
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().hashKeys("k").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no handler is registered");
    }

    @Test
    void refusesAHandlerWithoutAKeyNamingUnsignedUnsafeAsTheUnsafeOptOut() {
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().orderCalculate(calculate).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no hash key for ordercalculate")
                .hasMessageContaining("unsignedUnsafe()").hasMessageContaining("unsafe");
    }

    @Test
    void refusesAnEventWithoutKeysWhenOnlyAnotherEventHasKeys() {
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().orderCalculate(calculate)
                .orderSubmit(e -> null).hashKeys(CheckoutEventType.ORDER_CALCULATE, "k").build())
                .hasMessageStartingWith("no hash key for ordersubmit");
    }

    @Test
    void refusesUnsignedUnsafeCombinedWithKeys() {
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().orderCalculate(calculate).hashKeys("k").unsignedUnsafe().build())
                .hasMessage("unsignedUnsafe() cannot be combined with hash keys: choose one");
    }

    @Test
    void refusesKeysOrTimeLimitsForAnEventWithoutAHandler() {
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().orderCalculate(calculate).hashKeys("k")
                .hashKeys(CheckoutEventType.ORDER_APPROVED, "a").build())
                .hasMessage("hash keys given for orderapproved but no handler is registered for it");
        assertThatThrownBy(() -> IntegrationEventsDispatcher.builder().orderCalculate(calculate).hashKeys("k")
                .timeLimit(CheckoutEventType.SHIPPING_RATES, Duration.ofSeconds(1)).build())
                .hasMessage("a time limit given for shippingrates but no handler is registered for it");
    }

    @Test
    void namesTheBadArgumentOfEachSetter() {
        IntegrationEventsDispatcherBuilder b = IntegrationEventsDispatcher.builder();
        assertThatThrownBy(() -> b.hashKeys("k", " ")).hasMessage("hashKeys[1] must not be null or blank");
        assertThatThrownBy(() -> b.hashKeys()).hasMessage("hashKeys needs at least one key");
        assertThatThrownBy(() -> b.timeLimit(Duration.ZERO)).hasMessage("timeLimit must be positive, was PT0S");
        assertThatThrownBy(() -> b.maxBodyBytes(0)).hasMessage("maxBodyBytes must be positive, was 0");
        assertThatThrownBy(() -> b.orderSubmit(null)).isInstanceOf(NullPointerException.class).hasMessage("orderSubmit");
        assertThatThrownBy(() -> b.orderCalculate(calculate).orderCalculate(calculate))
                .hasMessage("a orderCalculate handler is already registered");
    }

    @Test
    void servesUnsignedRequestsOnlyAfterTheExplicitUnsafeOptOut() {
        try (IntegrationEventsDispatcher d = IntegrationEventsDispatcher.builder().orderCalculate(calculate).unsignedUnsafe().build()) {
            byte[] body = CheckoutRequests.bytes(CheckoutRequests.payload(Worksheets.order("o1").line("A", 1, "1.00").build()));
            assertThat(d.handle(CheckoutRequests.unsigned(CheckoutEventType.ORDER_CALCULATE, body)).status()).isEqualTo(200);
        }
    }
}
