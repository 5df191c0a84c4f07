package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.WebhookSink;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
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
        return utc(clock.instant());
    }

    /**
     * {@code instant} in UTC: the value {@code OffsetDateTime.now(clock).withOffsetSameInstant(UTC)} gives, without
     * looking up the clock zone's rules ({@code ZoneOffset.getRules()} builds a new {@code ZoneRules} on every call, and
     * every engine request asks for the time several times).
     */
    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
