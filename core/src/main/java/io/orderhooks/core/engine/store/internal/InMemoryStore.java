package io.orderhooks.core.engine.store.internal;

import io.orderhooks.core.engine.orders.OrderState;
import io.orderhooks.core.engine.store.Mutation;
import io.orderhooks.core.engine.store.Repository;
import io.orderhooks.core.engine.store.Store;
import io.orderhooks.core.engine.store.Table;
import io.orderhooks.core.error.OrderCloudException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The in-memory {@link Store}: tables are concurrent maps, orders are serialized by a lock per order ID.
 * Nothing is persisted.
 */
public final class InMemoryStore implements Store {

    private final Map<String, InMemoryRepository<?>> tables = new ConcurrentHashMap<>();
    private final InMemoryRepository<OrderState> orders = new InMemoryRepository<>("Order");
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> table(Table<T> table) {
        return (Repository<T>) tables.computeIfAbsent(table.name(), n -> new InMemoryRepository<T>(table.type().getSimpleName()));
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
    public void createOrder(OrderState state) {
        ReentrantLock lock = lockFor(state.order().id());
        lock.lock();
        try {
            orders.insert(state.order().id(), state);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work) {
        ReentrantLock lock = lockFor(orderID);
        lock.lock();
        try {
            OrderState current = orders.find(orderID).orElseThrow(() -> OrderCloudException.notFound("Order", orderID));
            Mutation<R> m = work.apply(current);
            if (m.delete()) {
                orders.delete(orderID);
            } else if (m.next() != null) {
                orders.put(orderID, m.next());
            }
            if (m.failure() != null) {
                throw m.failure();
            }
            return m.result();
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockFor(String orderID) {
        return locks.computeIfAbsent(orderID, id -> new ReentrantLock());
    }
}
