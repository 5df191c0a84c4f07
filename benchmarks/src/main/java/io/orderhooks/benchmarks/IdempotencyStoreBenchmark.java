package io.orderhooks.benchmarks;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.core.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link InMemoryIdempotencyStore#execute} with a key never seen before (what every new post-webhook
 * {@code LogID} costs), with the default limits: 100,000 entries, 24 h retention.
 *
 * <ul>
 *   <li>{@code below}: a steady state of 50,000 entries, the clock advancing so one answer expires per call;
 *   <li>{@code at}: the store full (the clock still), so every call evicts the eldest answer.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IdempotencyStoreBenchmark {

    private static final int MAX_ENTRIES = 100_000;
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final RawResponse ANSWER = RawResponse.json(200, "{}".getBytes(StandardCharsets.UTF_8));

    @Param({"below", "at"})
    public String capacity;

    private MutableClock clock;
    private InMemoryIdempotencyStore store;
    private Duration step;
    private long next;

    @Setup
    public void setUp() {
        clock = MutableClock.at("2026-01-01T00:00:00Z");
        store = new InMemoryIdempotencyStore(clock, RETENTION, MAX_ENTRIES);
        boolean below = capacity.equals("below");
        int fill = below ? MAX_ENTRIES / 2 : MAX_ENTRIES;
        step = below ? RETENTION.dividedBy(fill) : Duration.ZERO;
        for (int i = 0; i < fill; i++) {
            newKey();
        }
        if (store.size() != fill) {
            throw new IllegalStateException("expected " + fill + " entries, held " + store.size());
        }
    }

    @Benchmark
    public RawResponse newKey() {
        clock.advance(step);
        return store.execute("webhook-post:" + next++, () -> ANSWER, IdempotencyStore::successful);
    }
}
