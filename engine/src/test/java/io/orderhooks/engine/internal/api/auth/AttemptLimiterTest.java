package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final AttemptLimiter limiter = new AttemptLimiter(clock, Duration.ofMinutes(15), 2);

    @Test
    void refusesTheAttemptBeyondTheLimitUntilTheWindowEnds() {
        limiter.attempt("ann");
        limiter.attempt("ANN");
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> limiter.attempt("ann")).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.errorCode()).isEqualTo("TooManyRequests");
            assertThat(e.getMessage()).isEqualTo("Too many attempts; try again in 300 seconds");
        });
        limiter.attempt("bob");
        clock.advance(Duration.ofMinutes(5));
        limiter.attempt("ann");
    }

    @Test
    void refusesAWindowOrLimitThatCannotWork() {
        assertThatThrownBy(() -> new AttemptLimiter(clock, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptLimiter(clock, Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
