package io.orderhooks.engine;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.core.observe.Observer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * What an engine lends the senders it builds: its clock, its delivery log, its one HTTP client, its observer and the
 * circuit breaker registries (one per sender, by endpoint ID) the admin API reports at {@code v1/deliveryBreakers},
 * and the store's durable outbox that webhook sinks deliver post-webhooks from.
 */
record EngineResources(Clock clock, DeliveryLog log, OkHttpClient httpClient, Observer observer,
        CircuitBreakerRegistry checkoutBreakers, CircuitBreakerRegistry webhookBreakers, Optional<Outbox> outbox) {

    /** @param outbox the store's durable post-webhook outbox, when it has one */
    EngineResources(Clock clock, DeliveryLog log, OkHttpClient httpClient, Observer observer, Optional<Outbox> outbox) {
        this(clock, log, httpClient, observer, CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build()),
                CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock).build()), outbox);
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
        outbox.ifPresent(b::outbox);
        adjust.accept(b);
        return b.build();
    }
}
