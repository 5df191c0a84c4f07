package io.orderhooks.core.engine.store.internal;

import io.orderhooks.core.engine.store.Repository;
import io.orderhooks.core.error.OrderCloudException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** A thread-safe table in memory; keeps insertion order for {@link #list()}. */
final class InMemoryRepository<T> implements Repository<T> {

    private record Entry<T>(long seq, String key, T value) {}

    private final String name;
    private final Map<String, Entry<T>> rows = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();

    InMemoryRepository(String name) {
        this.name = name;
    }

    @Override
    public Optional<T> find(String key) {
        Entry<T> e = rows.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public List<T> list() {
        return listWithPrefix("");
    }

    @Override
    public List<T> listWithPrefix(String keyPrefix) {
        List<Entry<T>> entries = new ArrayList<>(rows.values());
        entries.removeIf(e -> !e.key().startsWith(keyPrefix));
        entries.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return entries.stream().map(Entry::value).toList();
    }

    @Override
    public void insert(String key, T value) {
        Entry<T> prior = rows.putIfAbsent(key, new Entry<>(seq.incrementAndGet(), key, value));
        if (prior != null) {
            throw new OrderCloudException(409, "IdExists", name + " already exists: " + key);
        }
    }

    @Override
    public void put(String key, T value) {
        rows.compute(key, (k, old) -> new Entry<>(old == null ? seq.incrementAndGet() : old.seq(), key, value));
    }

    @Override
    public T update(String key, UnaryOperator<T> change) {
        Entry<T> updated = rows.computeIfPresent(key, (k, old) -> new Entry<>(old.seq(), key, change.apply(old.value())));
        if (updated == null) {
            throw OrderCloudException.notFound(name, key);
        }
        return updated.value();
    }

    @Override
    public boolean delete(String key) {
        return rows.remove(key) != null;
    }
}
