package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.error.OrderCloudException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The in-memory {@link Store}: tables are concurrent maps. Order operations ({@link #withOrder}) are serialized by one
 * store-wide lock (they are short: no network call runs inside one) and are all-or-nothing: the table writes a
 * failing work made are restored from an {@link UndoJournal}, as a database transaction would roll them back.
 * Nothing is persisted.
 */
public final class InMemoryStore implements Store {

    private final Map<String, Repository<?>> tables = new ConcurrentHashMap<>();
    private final UndoJournal journal = new UndoJournal();
    private final InMemoryRepository<OrderState> orders = new InMemoryRepository<>("Order", null, journal);
    private final ReentrantLock orderLock = new ReentrantLock();
    private final OrderIndex index = new OrderIndex();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> table(Table<T> table) {
        return (Repository<T>) tables.computeIfAbsent(table.name(), n -> {
            InMemoryRepository<T> rows = new InMemoryRepository<>(table.type().getSimpleName(), table.lookup(), journal);
            return table.uniqueLookup() ? new UniqueLookupRepository<>(table, rows) : rows;
        });
    }

    @Override
    public Optional<OrderState> order(String orderID) {
        return orderID == null ? Optional.empty() : orders.find(orderID);
    }

    @Override
    public List<OrderState> orders() {
        return orders.list();
    }

    @Override
    public List<OrderState> ordersOfCompany(String companyID) {
        return load(index.ids(OrderIndex.companyKey(companyID)), s -> companyID.equals(s.order().fromCompanyID())
                || companyID.equals(s.order().toCompanyID()));
    }

    @Override
    public List<OrderState> ordersFromUser(String companyID, String userID) {
        return load(index.ids(OrderIndex.userKey(companyID, userID)), s -> companyID.equals(s.order().fromCompanyID())
                && userID.equals(s.order().fromUserID()));
    }

    @Override
    public void createOrder(OrderState state) {
        orderLock.lock();
        try {
            orders.insert(state.order().id(), state);
            index.indexed(state);
        } finally {
            orderLock.unlock();
        }
    }

    /** Inside {@link #withOrder} on this thread (the store's lock is held). */
    @Override
    public boolean inTransaction() {
        return orderLock.isHeldByCurrentThread();
    }

    @Override
    public <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work) {
        orderLock.lock();
        int mark = journal.begin();
        boolean failed = true;
        try {
            OrderState current = orders.find(orderID).orElseThrow(() -> OrderCloudException.notFound("Order", orderID));
            Mutation<R> m = work.apply(current);
            if (m.delete()) {
                orders.delete(orderID);
            } else if (m.next() != null) {
                orders.put(orderID, m.next());
            }
            failed = false;
            reindex(orderID, m);
            if (m.failure() != null) {
                throw m.failure();
            }
            return m.result();
        } finally {
            journal.end(mark, failed);
            orderLock.unlock();
        }
    }

    /**
     * As a database transaction would (see {@link Store#atomically}): the table and order writes {@code work} made on
     * this thread are restored when it fails with anything but a refusal ({@code OrderCloudException}).
     */
    @Override
    public <R> R atomically(java.util.function.Supplier<R> work) {
        int mark = journal.begin();
        boolean failed = true;
        try {
            R result = work.get();
            failed = false;
            return result;
        } catch (OrderCloudException refused) {
            failed = false;
            throw refused;
        } finally {
            journal.end(mark, failed);
        }
    }

    private void reindex(String orderID, Mutation<?> m) {
        if (m.delete()) {
            index.removed(orderID);
        } else if (m.next() != null) {
            index.indexed(m.next());
        }
    }

    /** The orders with these IDs that still exist and still match (the index may be a moment behind), in the given order. */
    private List<OrderState> load(List<String> ids, java.util.function.Predicate<OrderState> stillMatches) {
        List<OrderState> out = new java.util.ArrayList<>(ids.size());
        for (String id : ids) {
            orders.find(id).filter(stillMatches).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
