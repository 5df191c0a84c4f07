package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.WebhookSink;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every service shares: state, time, IDs, settings and the ports. Immutable and thread-safe.
 */
public record EngineContext(
        Store store,
        Clock clock,
        IdGenerator ids,
        EngineConfig config,
        CheckoutIntegration checkoutIntegration,
        WebhookSink webhookSink) {

    /** The current time, in UTC, from the injected clock. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
