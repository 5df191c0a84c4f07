package io.orderhooks.core.engine.sharedcarts;

/**
 * Delivers a {@link PurgeNotice}. Called by {@link SharedCartPurger#purgeDue} once per notice, on the caller's thread;
 * must not block for long and must not throw for a delivery problem (queue or log it instead: the notice counts as
 * sent). Implementations are thread-safe. The engine's default delivers message events through its
 * {@code WebhookSink} ({@code internal.WebhookPurgeNoticeSender}).
 */
@FunctionalInterface
public interface PurgeNoticeSender {

    void send(PurgeNotice notice);
}
