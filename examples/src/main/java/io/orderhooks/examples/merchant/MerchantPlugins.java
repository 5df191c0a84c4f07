package io.orderhooks.examples.merchant;

import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.events.IntegrationEventsDispatcherBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The example merchant's checkout integration: tax, shipping and the outbox export, wired into one
 * {@link IntegrationEventsDispatcher}. Immutable and thread-safe.
 *
 * <pre>{@code
 * IntegrationEventsDispatcher dispatcher = MerchantPlugins.demo(Path.of("outbox"), Clock.systemUTC())
 *         .dispatcher(System.getenv("OC_HASH_KEY"));
 * }</pre>
 *
 * @param tax answers {@code /ordercalculate}
 * @param shipping answers {@code /shippingrates}
 * @param exporter answers {@code /ordersubmit} and {@code /orderapproved}
 */
public record MerchantPlugins(RegionalTaxCalculator tax, ZoneShippingProvider shipping, OutboxExporter exporter) {

    public MerchantPlugins {
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(exporter, "exporter");
    }

    /** The demo tax table and rate card, exporting to {@code outbox}. */
    public static MerchantPlugins demo(Path outbox, Clock clock) {
        return new MerchantPlugins(new RegionalTaxCalculator(TaxTable.demo()),
                new ZoneShippingProvider(ShippingRateCard.demo()), new OutboxExporter(outbox, clock));
    }

    /** Registers the four handlers on {@code builder}, which then needs only its hash keys. */
    public IntegrationEventsDispatcherBuilder registerInto(IntegrationEventsDispatcherBuilder builder) {
        Objects.requireNonNull(builder, "builder");
        return builder.shippingRates(shipping.asHandler()).orderCalculate(tax.asHandler())
                .orderSubmit(exporter).orderApproved(exporter);
    }

    /**
     * A dispatcher verifying {@code X-oc-hash} with {@code hashKeys} (the integration event's HashKey first,
     * older ones after it during a rotation).
     *
     * @throws IllegalArgumentException if no key is given or one is blank
     */
    public IntegrationEventsDispatcher dispatcher(String... hashKeys) {
        return registerInto(IntegrationEventsDispatcher.builder().hashKeys(hashKeys)).build();
    }
}
