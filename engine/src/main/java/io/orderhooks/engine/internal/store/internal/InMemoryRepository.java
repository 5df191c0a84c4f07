package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.core.error.OrderCloudException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A thread-safe table in memory; keeps insertion order for {@link #list()} in a second map by insertion number, so
 * listing is a walk in that order (O(rows)), never a sort. Every write is recorded in the {@link UndoJournal}; a
 * shared table's writes also run under the journal's table lock (the orders themselves are guarded by their own
 * locks instead).
 */
final class InMemoryRepository<T> implements Repository<T> {

    private record Entry<T>(long seq, String key, T value) {}

    private final String name;
    private final java.util.function.Function<T, String> lookup;
    private final Map<String, Entry<T>> rows = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final java.util.concurrent.ConcurrentSkipListMap<Long, String> bySeq = new java.util.concurrent.ConcurrentSkipListMap<>();

    private final UndoJournal journal;
    private final boolean shared;

    /** @param shared whether writes take the journal's table lock (false for rows guarded by locks of their own) */
    InMemoryRepository(String name, java.util.function.Function<T, String> lookup, UndoJournal journal, boolean shared) {
        this.name = name;
        this.lookup = lookup;
        this.journal = journal;
        this.shared = shared;
    }

    private <R> R write(java.util.function.Supplier<R> op) {
        return shared ? journal.write(op) : op.get();
    }

    @Override
    public List<T> findByLookup(String value) {
        if (lookup == null || value == null) {
            return List.of();
        }
        return list().stream().filter(v -> value.equals(lookup.apply(v))).toList();
    }

    /** The keys of the values whose lookup is {@code value} (a scan), for {@link UniqueLookupRepository}. */
    List<String> keysWithLookup(String value) {
        return rows.values().stream().filter(e -> value.equals(lookup.apply(e.value()))).map(Entry::key).toList();
    }

    @Override
    public Optional<T> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry<T> e = rows.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public List<T> list() {
        return listWithPrefix("");
    }

    @Override
    public List<T> listWithPrefix(String keyPrefix) {
        List<T> out = new ArrayList<>();
        for (Map.Entry<Long, String> k : bySeq.entrySet()) {
            if (k.getValue().startsWith(keyPrefix)) {
                Entry<T> e = rows.get(k.getValue());
                // skip a key deleted (or deleted and added again) since the walk began
                if (e != null && e.seq() == k.getKey()) {
                    out.add(e.value());
                }
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public void insert(String key, T value) {
        write(() -> {
            insertNow(key, value);
            return null;
        });
    }

    private void insertNow(String key, T value) {
        Entry<T> fresh = added(key, value);
        Entry<T> prior = rows.putIfAbsent(key, fresh);
        if (prior != null) {
            bySeq.remove(fresh.seq());
            throw new OrderCloudException(409, "IdExists", name + " already exists: " + key);
        }
        journal.record(() -> restore(key, null));
    }

    @Override
    public void put(String key, T value) {
        write(() -> rows.compute(key, (k, old) -> {
            journal.record(() -> restore(key, old));
            return old == null ? added(key, value) : new Entry<>(old.seq(), key, value);
        }));
    }

    @Override
    public T update(String key, UnaryOperator<T> change) {
        Entry<T> updated = write(() -> rows.computeIfPresent(key, (k, old) -> {
            Entry<T> next = new Entry<>(old.seq(), key, change.apply(old.value()));
            journal.record(() -> restore(key, old));
            return next;
        }));
        if (updated == null) {
            throw OrderCloudException.notFound(name, key);
        }
        return updated.value();
    }

    @Override
    public boolean delete(String key) {
        if (key == null) {
            return false;
        }
        return write(() -> deleteNow(key));
    }

    private boolean deleteNow(String key) {
        Entry<T> removed = rows.remove(key);
        if (removed != null) {
            bySeq.remove(removed.seq());
            journal.record(() -> restore(key, removed));
        }
        return removed != null;
    }

    /** Puts a row back as it was before a write ({@code null}: absent), for {@link UndoJournal}. */
    private void restore(String key, Entry<T> was) {
        Entry<T> now = was == null ? rows.remove(key) : rows.put(key, was);
        if (now != null && (was == null || now.seq() != was.seq())) {
            bySeq.remove(now.seq());
        }
        if (was != null) {
            bySeq.put(was.seq(), key);
        }
    }

    /** A new row with the next insertion number, filed in insertion order. */
    private Entry<T> added(String key, T value) {
        Entry<T> e = new Entry<>(seq.incrementAndGet(), key, value);
        bySeq.put(e.seq(), key);
        return e;
    }
}
