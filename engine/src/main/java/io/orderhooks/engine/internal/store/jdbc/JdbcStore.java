package io.orderhooks.engine.internal.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.AttemptCounts;
import io.orderhooks.engine.internal.store.DeliveryTable;
import io.orderhooks.engine.internal.store.JobLock;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.OrderListScope;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Store} on a SQL database (H2 or PostgreSQL) through a HikariCP pool.
 *
 * <p><b>Transactions.</b> {@link #withOrder} is one database transaction: it runs the work on the order, writes what
 * it decided and commits, and operations on one order are serialized across threads <em>and</em> processes: either
 * the order's row is locked first ({@code SELECT ... FOR UPDATE}), or, for an order this process has cached, the
 * work runs on the cached state and the write is guarded by the row's version (run again under the lock when another
 * writer got there first; see {@link #withOrder}). Every table read or write the work makes on the same thread
 * joins that transaction, so an operation's changes to the order and to other tables (inventory, spending
 * accounts, promotion redemptions, shipments) commit together or not at all. {@link Mutation#failure()} is raised
 * after the commit. Inside a larger transaction ({@link #atomically}) it runs behind a savepoint, so a failing
 * {@code withOrder} still leaves nothing behind. Outside {@code withOrder}, each repository call is its own transaction.
 *
 * <p><b>Failures.</b> A taken key is 409 {@code IdExists}, decided by the database's unique key (one atomic
 * insert); a database failure is 503 {@code ServiceUnavailable} with everything of the transaction rolled back.
 */
public final class JdbcStore implements Store, AutoCloseable {


    private final HikariDataSource pool;
    private final Transactions tx;
    private final KeptStatements kept;
    private final OrderCache cache;
    private final TableVersions versions;
    private final SharedReads shared;
    private final Map<String, JdbcRepository<?>> tables = new ConcurrentHashMap<>();
    private final JobLock jobLock;
    private final Readiness readiness;
    private final JdbcOutbox outbox;
    private final JdbcAttemptCounts attemptCounts;

    private final Dialect dialect;
    private final String select;
    private final OrderListSql orderLists;
    private final JdbcDeliveryTable deliveries;
    /** Stopped before the pool closes (H2's compaction thread, {@link JdbcStores#h2}); null on PostgreSQL. */
    private volatile AutoCloseable beforeClose;
    /** Run once after the pool closed; null on PostgreSQL. */
    private volatile Runnable afterClose;
    /** Set by the first {@link #close}: the versions are released once. */
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcStore(HikariDataSource pool, javax.sql.DataSource statements, Dialect dialect, TableVersions versions) {
        this.pool = pool;
        this.versions = versions;
        this.shared = new SharedReads(versions);
        this.tx = new Transactions(statements, versions);
        this.dialect = dialect;
        this.kept = new KeptStatements(dialect);
        this.cache = new OrderCache(tx, dialect, kept);
        this.select = "SELECT o.doc, " + OrderLines.column(dialect) + " FROM orders o";
        this.orderLists = new OrderListSql(dialect);
        this.deliveries = new JdbcDeliveryTable(tx, dialect);
        boolean shared = dialect == Dialect.POSTGRESQL;
        this.jobLock = shared ? new AdvisoryJobLock(pool) : JobLock.LOCAL;
        this.attemptCounts = shared ? new JdbcAttemptCounts(tx) : null;
        this.readiness = new Readiness(pool);
        this.outbox = new JdbcOutbox(tx);
    }

    /**
     * How scheduled jobs run once across instances: PostgreSQL advisory locks when the database can be shared
     * (PostgreSQL), {@link JobLock#LOCAL} on H2 (one process owns a data folder).
     */
    @Override
    public JobLock jobLock() {
        return jobLock;
    }

    /**
     * Null when the database answers and its schema is migrated to this engine's version; else what is wrong (for
     * {@code /ready}). Waits at most the pool's connection timeout (5 s).
     */
    public String problem() {
        return readiness.problem();
    }

    /** Shared attempt counters on PostgreSQL (table {@code attempt_counts}); empty on H2 (one process counts in memory). */
    @Override
    public Optional<AttemptCounts> attemptCounts() {
        return Optional.ofNullable(attemptCounts);
    }

    /** The {@code deliveries} table: indexed lookups, lists and SQL pages. */
    @Override
    public Optional<DeliveryTable> deliveryTable() {
        return Optional.of(deliveries);
    }

    @Override
    public Optional<Outbox> outbox() {
        return Optional.of(outbox);
    }

    /** See {@link JdbcOutbox#releaseAllLeases()}; returns how many leases a dead process left. */
    int releaseOutboxLeases() {
        return outbox.releaseAllLeases();
    }

    @Override
    public boolean inTransaction() {
        return tx.active();
    }

    /** One transaction for everything {@code work} does on this thread (see {@link Store#atomically}). */
    @Override
    public <R> R atomically(Supplier<R> work) {
        OrderCloudException[] refused = new OrderCloudException[1];
        R result = tx.inTransaction(c -> {
            try {
                return work.get();
            } catch (OrderCloudException e) {
                if (e.getCause() instanceof java.sql.SQLException) {
                    throw e;
                }
                refused[0] = e;
                return null;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return result;
    }

    /** The read-mostly tables' versions read once for all of {@code reads} ({@link Transactions#readTogether}). */
    @Override
    public <R> R readTogether(Supplier<R> reads) {
        return tx.readTogether(reads);
    }

    /** One request's groups of reads share their table versions ({@link Transactions#request}). */
    @Override
    public <R> R oneRequest(Supplier<R> request) {
        return tx.request(request);
    }

    /**
     * How many requests ran again because the table versions they assumed had changed before their first act
     * ({@link Transactions#request}).
     */
    public long requestReruns() {
        return tx.reruns();
    }

    /**
     * Proves what the thread's request read current, then ends its groups of reads: none continues past the call
     * ({@link Transactions#endGroups}).
     */
    @Override
    public void callingOut() {
        tx.endGroups();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Repository<T> table(Table<T> table) {
        Repository<?> made = tables.get(table.name()); // no bin lock on the path every store call takes
        return (Repository<T>) (made != null ? made
                : tables.computeIfAbsent(table.name(), n -> new JdbcRepository<>(table, tx, shared, kept, dialect)));
    }

    @Override
    public Optional<OrderState> order(String orderID) {
        if (orderID == null) {
            return Optional.empty();
        }
        return tx.read(c -> cache.read(c, orderID, false)).map(OrderCache.Row::state);
    }

    @Override
    public List<OrderState> orders() {
        return tx.read(c -> OrderRows.select(c, select + " ORDER BY seq"));
    }

    @Override
    public List<OrderState> ordersOfCompany(String companyID) {
        return tx.read(c -> OrderRows.select(c,
                select + " WHERE from_company = ? OR to_company = ? ORDER BY seq", companyID, companyID));
    }

    @Override
    public List<OrderState> ordersFromUser(String companyID, String userID) {
        return tx.read(c -> OrderRows.select(c,
                select + " WHERE from_company = ? AND from_user = ? ORDER BY seq", companyID, userID));
    }

    @Override
    public List<OrderState> ordersWithStatus(io.orderhooks.core.model.OrderStatus status) {
        return tx.read(c -> OrderRows.select(c, select + " WHERE status = ? ORDER BY seq",
                StoreJson.read(StoreJson.write(status), String.class)));
    }

    /** The unsubmitted orders shared with their organization: an index lookup on {@code status, shared}. */
    @Override
    public List<OrderState> sharedCarts() {
        return tx.inTransaction(c -> OrderRows.select(c, select + " WHERE status = ? AND shared = TRUE ORDER BY seq",
                OrderCounts.status(io.orderhooks.core.model.OrderStatus.Unsubmitted)));
    }

    /** In SQL on the indexed columns; only the page is loaded when every filter and sort key has a column. */
    @Override
    public ListPage<Order> listOrders(OrderListScope scope, ListQuery query) {
        return tx.read(c -> orderLists.list(c, scope, query));
    }

    /**
     * Inserts the order (409 {@code IdExists} when its ID is taken). Outside a transaction on PostgreSQL the insert is
     * one statement ({@link OrderRows#insert}) run in auto-commit mode: it commits by itself, no {@code COMMIT}.
     */
    @Override
    public void createOrder(OrderState state) {
        SqlWork<Void> insert = c -> {
            cache.remember(state.id(), new OrderCache.Row(OrderRows.insert(c, dialect, state), 1, state));
            return null;
        };
        Transactions.SqlFailure failure = e -> StoreFailures.isUniqueViolation(e) ? StoreFailures.idExists("Order", state.id())
                : StoreFailures.unavailable(e);
        if (dialect == Dialect.POSTGRESQL && !tx.active()) {
            tx.alone(insert, failure);
        } else {
            tx.guarded(insert, failure);
        }
    }

    /**
     * Runs {@code work} on the order and commits what it decided (Store's concurrency contract), on one of two paths.
     *
     * <p><b>Optimistic</b>, when the thread is not in a transaction and the {@link OrderCache} holds the order: the work
     * runs on the cached state in a new transaction without locking the row, and the decision is written only if the
     * row is still the version cached ({@link OrderRows#update}, {@link OrderRows#delete}; a decision that changes
     * nothing checks the version with one read). Before the work's first table write the row is locked if still that
     * version ({@link Transactions#beforeWrite}), so table rows are always locked after the order's, as on the locked
     * path. When the row changed (another thread or engine instance wrote it), or the work threw (a refusal must come
     * from the current state), or the database reported a serialization failure or deadlock, everything the
     * transaction did is rolled back and the work runs again on the locked path: so work may run twice and must
     * keep its effects in the store (after-commit actions included). The transaction starts with the table versions
     * the thread's group of reads read ({@link Transactions#groupReads}: the request's token check, moments earlier)
     * when they were read after the cached row was remembered (so they show every commit the cached version shows):
     * one versions statement per request instead of two (docs/DURABILITY.md, "Reads").
     *
     * <p><b>Locked</b> otherwise (inside {@link #atomically} behind a savepoint): {@code SELECT ... FOR UPDATE}, the
     * work on the current state, the writes.
     *
     * <p>Either way an operation that wrote other tables but left the order unchanged increments the row's version, so
     * an optimistic write that read those tables before another operation's commit cannot pass its check.
     */
    @Override
    public <R> R withOrder(String orderID, Function<OrderState, Mutation<R>> work) {
        Mutation<R> m = null;
        if (!tx.active()) {
            OrderCache.Known known = cache.known(orderID);
            if (known != null) {
                m = optimistic(orderID, known, work);
            }
        }
        if (m == null) {
            m = locked(orderID, work);
        }
        if (m.failure() != null) {
            throw m.failure();
        }
        return m.result();
    }

    /** The row changed since it was cached: the optimistic attempt is rolled back and the work runs under the lock. */
    private static final class Stale extends RuntimeException {
        Stale() {
            super("the order changed since it was cached", null, false, false);
        }
    }

    /** The optimistic path of {@link #withOrder}; null when the work must run again on the locked path. */
    private <R> Mutation<R> optimistic(String orderID, OrderCache.Known known, Function<OrderState, Mutation<R>> work) {
        OrderCache.Row row = known.row();
        TransactionReads group = tx.groupReads();
        TransactionReads versions = group != null && group.versions() != null && group.versionsTick() > known.since()
                ? group : null;
        boolean[] stale = new boolean[1];
        try {
            Mutation<R> done = tx.optimistic(c -> {
                Mutation<R> decided = work.apply(row.state());
                if (stale[0] || !write(c, orderID, row, decided, tx.reads().writes() > 0, true)) {
                    throw new Stale();
                }
                return decided;
            }, versions, c -> {
                if (!cache.lockIfCurrent(c, orderID, row)) {
                    stale[0] = true;
                    throw new Stale();
                }
                return null;
            }, dialect == Dialect.POSTGRESQL);
            optimisticCommits.incrementAndGet();
            return done;
        } catch (Stale e) {
            cache.forget(orderID);
            optimisticConflicts.incrementAndGet();
            return null;
        } catch (OrderCloudException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && !StoreFailures.isConcurrencyFailure(sql)) {
                throw e; // the database failed: 503 now, not after a second attempt
            }
            optimisticRetries.incrementAndGet();
            return null;
        } catch (RuntimeException e) {
            optimisticRetries.incrementAndGet();
            return null;
        }
    }

    /** The locked path of {@link #withOrder}. */
    private <R> Mutation<R> locked(String orderID, Function<OrderState, Mutation<R>> work) {
        return tx.nested(c -> {
            tx.reads().forgetAll(); // what the work reads is read under the order's lock (the table versions too)
            OrderCache.Row locked = cache.read(c, orderID, true)
                    .orElseThrow(() -> OrderCloudException.notFound("Order", orderID));
            int writes = tx.reads().writes();
            Mutation<R> decided = work.apply(locked.state());
            if (!write(c, orderID, locked, decided, tx.reads().writes() > writes, false) && decided.next() != null) {
                throw OrderCloudException.notFound("Order", orderID);
            }
            return decided;
        });
    }

    /**
     * Writes what the work decided about {@code row} ({@code wroteTables}: the work wrote other tables), if the row is
     * still that version; false when it is not ({@code check}: also for a decision that changes nothing).
     */
    private boolean write(java.sql.Connection c, String orderID, OrderCache.Row row, Mutation<?> decided,
            boolean wroteTables, boolean check) throws java.sql.SQLException {
        OrderState current = row.state();
        if (decided.delete()) {
            tx.explicit(c); // the row, its lines and its counts: together
            cache.forget(orderID);
            return OrderRows.delete(c, current, row.seq(), row.version());
        }
        OrderState next = decided.next() != null ? decided.next() : wroteTables ? current : null;
        if (next == null) {
            if (!check) {
                return true;
            }
            java.util.Map<String, Long> versions = tx.guardOf(c);
            boolean unchanged = OrderRows.isCurrent(c, orderID, row.seq(), row.version(), versions);
            tx.guarded(unchanged);
            return unchanged;
        }
        if (next == current) {
            tx.explicit(c); // with the tables the work wrote (already explicit: they were written through it)
        }
        boolean matched;
        if (next == current) {
            matched = OrderRows.touch(c, orderID, row.seq(), row.version());
        } else {
            // an optimistic write still in auto-commit mode on assumed versions carries their check (Transactions#guardOf)
            java.util.Map<String, Long> versions = check ? tx.guardOf(c) : null;
            DeferredWrites deferred = tx.takeDeferred(); // (an optimistic write still in auto-commit mode only)
            // the request's next group of reads may continue on versions this statement reads (Transactions#passOn)
            String[] versionsRead = dialect == Dialect.POSTGRESQL && tx.versionsWanted() ? new String[1] : null;
            long tick = versionsRead != null ? Transactions.tick() : 0;
            try {
                matched = OrderRows.update(c, dialect, current, next, row.seq(), row.version(), versions,
                        deferred == null ? OrderLines.Changes.NONE : deferred.clauses(), versionsRead);
            } catch (java.sql.SQLException e) {
                if (deferred != null && StoreFailures.isUniqueViolation(e)) {
                    throw new DeferredWrites.Refused(); // nothing written (one statement): again on the locked path
                }
                throw e;
            }
            if (versionsRead != null && matched) {
                tx.versionsRead(versionsRead[0], tick);
            }
            if (check) {
                tx.guarded(matched);
            }
        }
        if (matched) {
            cache.remember(orderID, new OrderCache.Row(row.seq(), row.version() + 1, next));
        }
        return matched;
    }

    private final AtomicLong optimisticCommits = new AtomicLong();
    private final AtomicLong optimisticConflicts = new AtomicLong();
    private final AtomicLong optimisticRetries = new AtomicLong();

    /**
     * How {@link #withOrder}'s optimistic path ended so far: committed, found the row changed, or saw the work (or a
     * concurrency failure of the database) throw; the last two ran the work again on the locked path.
     */
    long[] optimisticOutcomes() {
        return new long[] {optimisticCommits.get(), optimisticConflicts.get(), optimisticRetries.get()};
    }

    /**
     * Adds many new orders fast (seeding, imports, benchmarks): batches of {@code batchSize} rows, each batch one
     * transaction, so a failure leaves the earlier batches committed. 503 {@code ServiceUnavailable} on a database
     * failure (a taken ID included: use {@link #createOrder} for the 409 of a single order).
     */
    public void importOrders(Iterable<OrderState> states, int batchSize) {
        java.util.List<OrderState> batch = new java.util.ArrayList<>(batchSize);
        for (OrderState s : states) {
            batch.add(s);
            if (batch.size() == batchSize) {
                tx.inTransaction(c -> {
                    OrderRows.insertBatch(c, dialect, batch);
                    return null;
                });
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            tx.inTransaction(c -> {
                OrderRows.insertBatch(c, dialect, batch);
                return null;
            });
        }
    }

    /** The most connections the store's pool opens. */
    int maxConnections() {
        return pool.getMaximumPoolSize();
    }

    /** A connection of the store's pool (on H2 a journaled one), for tests that write around the store's API. */
    java.sql.Connection pooledConnection() throws java.sql.SQLException {
        return pool.getConnection();
    }

    /** Has {@code r} run once after the pool closed (H2's journal, {@link JdbcStores#h2}). */
    void afterClose(Runnable r) {
        this.afterClose = r;
    }

    /** Has {@code c} closed first when this store closes. */
    void closeFirst(AutoCloseable c) {
        this.beforeClose = c;
    }

    /** Closes the connection pool (an embedded H2 database closes with its last connection). */
    @Override
    public void close() {
        AutoCloseable first = beforeClose;
        try {
            if (first != null) {
                first.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + first, e);
        } finally {
            pool.close();
            if (closed.compareAndSet(false, true)) {
                versions.close();
                Runnable after = afterClose;
                if (after != null) {
                    after.run();
                }
            }
        }
    }
}
