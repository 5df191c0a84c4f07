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
import java.util.function.Function;

/**
 * The in-memory {@link Store}: tables are concurrent maps. Each order operation ({@link #withOrder}) holds that
 * order's own lock ({@link OrderLocks}), so operations on one order are serialized and operations on different orders
 * run in parallel. An operation is a transaction ({@link UndoJournal}): all-or-nothing (the writes of a failing work
 * are restored, as a database would roll them back), and once it writes a shared table (inventory, spending accounts,
 * promotion redemptions...) it keeps the table lock to its end, so no other thread writes a table row in between, as
 * row locks would. Work must not call {@code withOrder} for another existing order (the {@link Store} contract):
 * that is refused with {@link IllegalStateException} rather than risking a deadlock. Nothing is persisted.
 */
public final class InMemoryStore implements Store {

    private final Map<String, Repository<?>> tables = new ConcurrentHashMap<>();
    private final UndoJournal journal = new UndoJournal();
    private final InMemoryRepository<OrderState> orders = new InMemoryRepository<>("Order", null, journal, false);
    private final OrderLocks locks = new OrderLocks();
    private final OrderIndex index = new OrderIndex();

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> table(Table<T> table) {
        return (Repository<T>) tables.computeIfAbsent(table.name(), n -> {
            InMemoryRepository<T> rows = new InMemoryRepository<>(table.type().getSimpleName(), table.lookup(), journal, true);
            return table.uniqueLookup() ? new UniqueLookupRepository<>(table, rows, journal) : rows;
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
        String id = state.order().id();
        if (!journal.isOpen()) {
            locks.lock(id);
            try {
                insert(state);
            } finally {
                locks.unlock(id);
            }
            return;
        }
        // created inside an order operation: the new order stays locked until that operation ends (or is rolled back)
        if (!journal.holds(id)) {
            if (!locks.tryLock(id)) {
                throw new OrderCloudException(409, "IdExists", "Order already exists: " + id);
            }
            journal.holdUntilEnd(id, () -> locks.unlock(id));
        }
        insert(state);
        journal.record(() -> index.removed(id));
    }

    private void insert(OrderState state) {
        orders.insert(state.order().id(), state);
        index.indexed(state);
    }

    /** Inside {@link #withOrder} on this thread (an order's lock is held). */
    @Override
    public boolean inTransaction() {
        return journal.isOpen();
    }

    @Override
    public <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work) {
        if (journal.isOpen() && !journal.holds(orderID)) {
            throw new IllegalStateException("withOrder(" + orderID + ") inside an operation on order(s) " + journal.held()
                    + ": work must not lock another order (Store contract)");
        }
        locks.lock(orderID);
        boolean outermost = journal.begin(orderID);
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
            if (outermost) {
                journal.end(failed);
            }
            locks.unlock(orderID);
        }
    }

    /**
     * As {@link Store#allOrNothing}: {@code work} runs as one journal transaction of its own (it must not lock an order),
     * so a refusal or failure restores every row it wrote; inside an order operation it joins that one.
     */
    @Override
    public <R> R allOrNothing(java.util.function.Supplier<R> work) {
        if (journal.isOpen()) {
            return work.get();
        }
        journal.begin(""); // a transaction on no order
        boolean failed = true;
        try {
            R result = work.get();
            failed = false;
            return result;
        } finally {
            journal.end(failed);
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
