package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An in-memory table whose lookup is unique ({@link Table#withUniqueLookup}): the check and the write run as one step
 * under the store's table lock ({@link UndoJournal#write}, reentrant), and a write whose lookup another key holds is
 * refused with the table's {@link Table#lookupTaken} error, changing nothing; reads stay lock-free. What a JDBC store's
 * unique index does, for the few tables that need it (users, promotions), whose writes are rare next to their reads.
 */
final class UniqueLookupRepository<T> implements Repository<T> {

    private final Table<T> table;
    private final InMemoryRepository<T> rows;
    private final UndoJournal journal;

    UniqueLookupRepository(Table<T> table, InMemoryRepository<T> rows, UndoJournal journal) {
        this.table = table;
        this.rows = rows;
        this.journal = journal;
    }

    @Override
    public Optional<T> find(String key) {
        return rows.find(key);
    }

    @Override
    public List<T> list() {
        return rows.list();
    }

    @Override
    public List<T> listWithPrefix(String keyPrefix) {
        return rows.listWithPrefix(keyPrefix);
    }

    @Override
    public List<T> findByLookup(String lookup) {
        return rows.findByLookup(lookup);
    }

    @Override
    public void insert(String key, T value) {
        journal.write(() -> {
            if (rows.find(key).isEmpty()) {
                requireFree(key, value);
            }
            rows.insert(key, value);
            return null;
        });
    }

    @Override
    public void put(String key, T value) {
        journal.write(() -> {
            requireFree(key, value);
            rows.put(key, value);
            return null;
        });
    }

    @Override
    public T update(String key, UnaryOperator<T> change) {
        return journal.write(() -> rows.update(key, old -> {
            T next = change.apply(old);
            if (!java.util.Objects.equals(table.lookupOf(old), table.lookupOf(next))) {
                requireFree(key, next);
            }
            return next;
        }));
    }

    @Override
    public boolean delete(String key) {
        return rows.delete(key);
    }

    /** Refused when a value under another key has {@code value}'s lookup. */
    private void requireFree(String key, T value) {
        String lookup = table.lookupOf(value);
        if (lookup == null) {
            return;
        }
        if (rows.keysWithLookup(lookup).stream().anyMatch(k -> !k.equals(key))) {
            throw table.lookupTaken().apply(lookup);
        }
    }
}
