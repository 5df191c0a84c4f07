package io.orderhooks.engine.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The waits between a post-webhook's attempts: the {@code n}-th entry is the wait before attempt
 * {@code n + 1}, so a schedule of five delays allows six attempts. Each wait is spread by a jitter factor
 * ({@code 0.2} = up to 20% shorter or longer) so that deliveries failing together do not retry together.
 * Immutable.
 */
public final class RetrySchedule {

    /** 1 s, 5 s, 30 s, 2 min, 10 min with 20% jitter: six attempts over about 13 minutes. */
    public static final RetrySchedule DEFAULT = of(0.2, Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

    private final List<Duration> delays;
    private final double jitter;

    private RetrySchedule(List<Duration> delays, double jitter) {
        this.delays = delays;
        this.jitter = jitter;
    }

    /**
     * @param jitter from 0 (exact waits) to below 1
     * @param delays the waits, each positive; none means a single attempt
     */
    public static RetrySchedule of(double jitter, Duration... delays) {
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
        List<Duration> list = new ArrayList<>();
        for (Duration d : delays) {
            Objects.requireNonNull(d, "delays");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("delays must be positive, was " + d);
            }
            list.add(d);
        }
        return new RetrySchedule(List.copyOf(list), jitter);
    }

    /** {@code count} waits starting at {@code initial}, each {@code multiplier} times the one before. */
    public static RetrySchedule exponential(Duration initial, double multiplier, int count, double jitter) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        Duration[] delays = new Duration[count];
        double millis = initial.toMillis();
        for (int i = 0; i < count; i++) {
            delays[i] = Duration.ofMillis(Math.round(millis));
            millis *= multiplier;
        }
        return of(jitter, delays);
    }

    /** How many attempts the schedule allows in all. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    public List<Duration> delays() {
        return delays;
    }

    public double jitter() {
        return jitter;
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based), spread by {@code random} (uniform in
     * [0, 1)).
     *
     * @throws IllegalArgumentException if the schedule allows no further attempt
     */
    public Duration delayAfter(int attempt, DoubleSupplier random) {
        if (attempt < 1 || attempt >= maxAttempts()) {
            throw new IllegalArgumentException("no attempt follows attempt " + attempt + " of " + maxAttempts());
        }
        Duration base = delays.get(attempt - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }
}
