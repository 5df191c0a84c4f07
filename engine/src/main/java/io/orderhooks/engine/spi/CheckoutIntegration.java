package io.orderhooks.engine.spi;

/**
 * The engine's port for checkout integration events ({@code /shippingrates}, {@code /ordercalculate},
 * {@code /ordersubmit}, {@code /ordersubmitforapproval}, {@code /orderapproved}) and the {@code OrderReturn}
 * event ({@code /calculateorderreturn}).
 *
 * <p>Implementations deliver over HTTP or in-process. They must bound every call in time, never throw for
 * a delivery failure (they return the matching {@link DeliveryOutcome}), and be safe to call from many
 * threads at once. The engine parses a {@link DeliveryOutcome.Delivered} body into the typed response.
 */
@FunctionalInterface
public interface CheckoutIntegration {

    DeliveryOutcome deliver(CheckoutCall call);
}
