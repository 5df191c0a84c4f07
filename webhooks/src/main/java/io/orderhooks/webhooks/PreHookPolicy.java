package io.orderhooks.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * A pre-webhook's time limit and what to answer when it fails or overruns. Immutable.
 *
 * @param timeLimit how long the handler may run; positive
 * @param onFailure the answer on a throw, a null result or a time-out
 */
public record PreHookPolicy(Duration timeLimit, FailurePolicy onFailure) {

    /** Five seconds, well inside the time OrderCloud waits for a pre-hook. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    public PreHookPolicy {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(onFailure, "onFailure");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
    }

    /** Five seconds; block on failure. */
    public static PreHookPolicy defaults() {
        return new PreHookPolicy(DEFAULT_TIME_LIMIT, FailurePolicy.BLOCK);
    }

    public PreHookPolicy withTimeLimit(Duration limit) {
        return new PreHookPolicy(limit, onFailure);
    }

    public PreHookPolicy withOnFailure(FailurePolicy policy) {
        return new PreHookPolicy(timeLimit, policy);
    }
}
