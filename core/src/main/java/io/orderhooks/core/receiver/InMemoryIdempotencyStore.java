package io.orderhooks.core.receiver;

import io.orderhooks.core.http.RawResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An {@link IdempotencyStore} in this JVM's memory: answers are kept for a retention period measured on an
 * injected {@link Clock}, and at most {@code maxEntries} are kept (the oldest finished answer makes room when
 * full). Every call costs O(1) amortized, full or not: entries are held in insertion order, which is their
 * expiry order, so expiry and eviction only look at the oldest ones. Lost on restart; use a shared store
 * when several instances serve one URL.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(CompletableFuture<RawResponse> answer, Instant storedAt) {}

    /** Insertion-ordered, so the eldest entry expires first; guarded by itself, never held while an action runs. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration retention;
    private final int maxEntries;

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
        CompletableFuture<RawResponse> mine = new CompletableFuture<>();
        Entry entry = claim(key, mine);
        if (entry.answer() != mine) {
            return entry.answer().join();
        }
        RawResponse answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error e) {
            forget(key, entry);
            mine.completeExceptionally(e);
            throw e;
        }
        if (!remember.test(answer)) {
            forget(key, entry);
        }
        mine.complete(answer);
        return answer;
    }

    /** The live entry for {@code key}, or a new one holding {@code mine} (expiring and evicting first). */
    private Entry claim(String key, CompletableFuture<RawResponse> mine) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry existing = entries.get(key);
            if (existing != null && !expired(existing, now)) {
                return existing;
            }
            if (existing != null) {
                entries.remove(key);
            }
            makeRoom(now);
            Entry created = new Entry(mine, now);
            entries.put(key, created);
            return created;
        }
    }

    /**
     * Drops expired entries from the eldest end, then the eldest finished ones while full. Answers still being
     * computed are stepped over (there are at most as many as concurrent callers), so this is O(1) amortized.
     */
    private void makeRoom(Instant now) {
        Iterator<Entry> eldest = entries.values().iterator();
        while (eldest.hasNext()) {
            Entry e = eldest.next();
            if (!e.answer().isDone()) {
                continue;
            }
            if (expired(e, now) || entries.size() >= maxEntries) {
                eldest.remove();
            } else {
                return;
            }
        }
    }

    private void forget(String key, Entry entry) {
        synchronized (entries) {
            entries.remove(key, entry);
        }
    }

    /** How many answers are held (including ones still being computed). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private boolean expired(Entry e, Instant now) {
        return e.answer().isDone() && e.storedAt().plus(retention).isBefore(now);
    }
}
