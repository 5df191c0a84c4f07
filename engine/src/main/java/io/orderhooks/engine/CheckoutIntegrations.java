package io.orderhooks.engine;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.senders.checkout.InProcessCheckoutIntegration;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an {@link OrderEngine} calls the checkout integration events ({@code /shippingrates}, {@code /ordercalculate},
 * {@code /ordersubmit}, ...) of the integration event an API client names. Choose one with
 * {@link OrderEngine.Config#checkout(Choice)}; the engine builds the sender with its own clock and delivery log, and
 * closes it.
 */
public final class CheckoutIntegrations {

    private CheckoutIntegrations() {
    }

    /** Over HTTP to each event's {@code CustomImplementationUrl} (the default), with the default limits. */
    public static Choice http() {
        return http(settings -> { });
    }

    /** Over HTTP, with limits set on the sender's settings (time limit, attempts, breakers, response size). */
    public static Choice http(Consumer<CheckoutSenderSettings.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new Choice("http", r -> new HttpCheckoutIntegration(r.checkoutSettings(settings), r.httpClient()));
    }

    /**
     * To a dispatcher in this JVM (for example an {@code IntegrationEventsDispatcher}), with no sockets and the
     * same signing, limits and recording as over HTTP.
     */
    public static Choice inProcess(RawHandler dispatcher) {
        return inProcess(dispatcher, settings -> { });
    }

    /** To a dispatcher in this JVM, with limits set on the sender's settings. */
    public static Choice inProcess(RawHandler dispatcher, Consumer<CheckoutSenderSettings.Builder> settings) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(settings, "settings");
        return new Choice("in-process", r -> new InProcessCheckoutIntegration(r.checkoutSettings(settings), dispatcher));
    }

    /** Your own implementation of the port; closed with the engine when it is {@link AutoCloseable}. */
    public static Choice custom(CheckoutIntegration integration) {
        Objects.requireNonNull(integration, "integration");
        return new Choice("custom", r -> integration);
    }

    /** No middleware: every checkout call fails as unreachable (an order without an integration event still submits). */
    public static Choice none() {
        return new Choice("none", r -> call -> new DeliveryOutcome.Unreachable("no checkout integration configured",
                Duration.ZERO));
    }

    /** One checkout-sender choice. Immutable. */
    public static final class Choice extends EngineChoice<CheckoutIntegration> {
        Choice(String description, Function<EngineResources, CheckoutIntegration> factory) {
            super(description, factory);
        }
    }
}
