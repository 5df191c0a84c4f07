package io.orderhooks.engine;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.core.observe.Observer;
import java.time.Clock;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * What an engine lends the senders it builds: its clock, its delivery log, its one HTTP client, its observer and the
 * circuit breaker registries (one per sender, by endpoint ID) the admin API reports at {@code v1/deliveryBreakers}.
 */
record EngineResources(Clock clock, DeliveryLog log, OkHttpClient httpClient, Observer observer,
        CircuitBreakerRegistry checkoutBreakers, CircuitBreakerRegistry webhookBreakers) {

    EngineResources(Clock clock, DeliveryLog log, OkHttpClient httpClient, Observer observer) {
        this(clock, log, httpClient, observer, CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build()),
                CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build()));
    }

    CheckoutSenderSettings checkoutSettings(Consumer<CheckoutSenderSettings.Builder> adjust) {
        CheckoutSenderSettings.Builder b = CheckoutSenderSettings.builder(log).clock(clock).breakers(checkoutBreakers)
                .observer(observer);
        adjust.accept(b);
        return b.build();
    }

    WebhookSinkSettings webhookSettings(Consumer<WebhookSinkSettings.Builder> adjust) {
        WebhookSinkSettings.Builder b = WebhookSinkSettings.builder(log).clock(clock).breakers(webhookBreakers)
                .observer(observer);
        adjust.accept(b);
        return b.build();
    }
}
