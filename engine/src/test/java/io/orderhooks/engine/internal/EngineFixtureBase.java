package io.orderhooks.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.core.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the engine fixtures share: a mutable clock at 2026-03-01T12:00Z; an engine whose checkout integration
 * records each call in {@link #calls} and answers with {@link #integration}; the seller and the buyer callers
 * u1 (b1, client "client"), u1Plain (b1, client "plain") and x1 (b2). Subclasses build their marketplace and
 * then call {@link #saveCheckoutIntegration}.
 */
abstract class EngineFixtureBase {

    final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    final AtomicReference<Function<CheckoutCall, DeliveryOutcome>> integration;
    final List<CheckoutCall> calls = new CopyOnWriteArrayList<>();
    final Engine engine;
    final Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    final Caller u1 = Caller.buyer("u1", "b1", "client", "Shopper");
    /** u1 through a client without checkout integration. */
    final Caller u1Plain = Caller.buyer("u1", "b1", "plain", "Shopper");
    final Caller x1 = Caller.buyer("x1", "b2", "client", "Shopper");

    /**
     * @param defaultAnswer the JSON the checkout integration answers with until a test sets another
     * @param options engine settings beyond the clock, a fast password hasher and the integration
     */
    EngineFixtureBase(String defaultAnswer, UnaryOperator<Engine.Builder> options) {
        this.integration = new AtomicReference<>(c -> ok(defaultAnswer));
        this.engine = options.apply(Engine.builder().clock(clock).passwordHasher(new PasswordHasher(1)))
                .checkoutIntegration(c -> {
                    calls.add(c);
                    return integration.get().apply(c);
                }).build();
    }

    /**
     * Saves integration event "ie" (OrderCheckout at https://mw.example/ie, hash key "hashkey") with
     * {@code config}, client "client" using it and client "plain" without one.
     */
    final void saveCheckoutIntegration(JsonNode config) {
        engine.integrations().saveEvent(seller, new IntegrationEvent(null, "ie", config,
                "OrderCheckout", "https://mw.example/ie", null, null, "Checkout", "hashkey"));
        engine.integrations().saveClient(seller, ApiClient.builder().id("client").appName("Shop").orderCheckoutIntegrationEventID("ie").build());
        engine.integrations().saveClient(seller, ApiClient.builder().id("plain").appName("Plain").build());
    }

    static DeliveryOutcome ok(String json) {
        return new DeliveryOutcome.Delivered(200, json.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }
}
