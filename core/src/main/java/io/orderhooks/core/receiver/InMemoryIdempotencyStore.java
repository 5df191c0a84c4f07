package io.orderhooks.core.receiver;

import io.orderhooks.core.http.RawResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link IdempotencyStore} in this JVM's memory: answers are kept for a retention period measured on an
 * injected {@link Clock}, and at most {@code maxEntries} are kept (the oldest expire first when full).
 * Lost on restart; use a shared store when several instances serve one URL.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(CompletableFuture<RawResponse> answer, Instant storedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final int maxEntries;
    private final java.util.concurrent.atomic.AtomicInteger callsSinceSweep = new java.util.concurrent.atomic.AtomicInteger();

    public InMemoryIdempotencyStore(Clock clock, Duration retention, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.retention = retention;
        this.maxEntries = maxEntries;
    }

    /** Keeps answers for 24 hours, at most 100,000 of them. */
    public InMemoryIdempotencyStore(Clock clock) {
        this(clock, Duration.ofHours(24), 100_000);
    }

    @Override
    public RawResponse execute(String key, Supplier<RawResponse> action, Predicate<RawResponse> remember) {
        Objects.requireNonNull(key, "key");
        if (!entries.containsKey(key)) {
            evictExpired();
        }
        CompletableFuture<RawResponse> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, existing) ->
                existing != null && !expired(existing) ? existing : new Entry(mine, clock.instant()));
        if (entry.answer() != mine) {
            return entry.answer().join();
        }
        RawResponse answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            mine.completeExceptionally(e);
            throw e;
        }
        if (!remember.test(answer)) {
            entries.remove(key, entry);
        }
        mine.complete(answer);
        return answer;
    }

    /** How many answers are held (including ones still being computed). */
    public int size() {
        return entries.size();
    }

    private boolean expired(Entry e) {
        return e.answer().isDone() && e.storedAt().plus(retention).isBefore(clock.instant());
    }

    /** Sweeps every 1,024 calls, or when full, so a call costs O(1) amortized. */
    private void evictExpired() {
        if (callsSinceSweep.incrementAndGet() < 1024 && entries.size() < maxEntries) {
            return;
        }
        callsSinceSweep.set(0);
        entries.values().removeIf(this::expired);
        if (entries.size() >= maxEntries) {
            entries.entrySet().stream()
                    .filter(e -> e.getValue().answer().isDone())
                    .sorted(Map.Entry.comparingByValue((a, b) -> a.storedAt().compareTo(b.storedAt())))
                    .limit(entries.size() - maxEntries + 1L)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }
}
