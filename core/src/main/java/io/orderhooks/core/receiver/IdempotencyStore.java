package io.orderhooks.core.receiver;

import io.orderhooks.core.http.RawResponse;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the answers to deliveries that must take effect once (an order submit, a post-webhook with a
 * given {@code LogID}), so a repeated delivery gets the first answer without running the handler again.
 *
 * <p>Contract: for one key, {@code action} runs at most once at a time; callers arriving while it runs wait
 * for and share its answer. An answer that {@code remember} accepts is kept (for the store's retention) and
 * returned to every later caller; one it rejects (a failure) is returned to the callers that waited but not
 * kept, so a later retry runs the action again. Implementations are thread-safe.
 */
public interface IdempotencyStore {

    RawResponse execute(String key, Supplier<RawResponse> action, Predicate<RawResponse> remember);

    /** Remember only 2xx answers. */
    static boolean successful(RawResponse response) {
        return response.status() >= 200 && response.status() < 300;
    }
}
