package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * Connections and transactions, bound to the calling thread: while {@link #inTransaction} runs on a thread, every
 * store call made on that thread (an order, any table) joins the same transaction, so everything one operation
 * changes commits together or not at all. Outside a transaction each call is its own short transaction.
 */
final class Transactions {

    private final DataSource pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<TransactionReads> reads = new ThreadLocal<>();
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();
    /** The reads made together outside a transaction ({@link #readTogether}), while they last. */
    private final ThreadLocal<TransactionReads> together = new ThreadLocal<>();

    Transactions(DataSource pool) {
        this.pool = pool;
    }

    /**
     * The reads cache of the calling thread's transaction ({@link TransactionReads}), or of the reads it makes together
     * ({@link #readTogether}); null otherwise, where every read is its own statement.
     */
    TransactionReads reads() {
        TransactionReads inTransaction = reads.get();
        return inTransaction != null ? inTransaction : together.get();
    }

    /**
     * Runs the reads of {@code work} as one group when the calling thread is outside a transaction: they share one
     * {@link TransactionReads}, so {@link SharedReads} checks the read-mostly tables' versions once for all of them.
     * Each read is still a statement in auto-commit mode of its own (no transaction, no {@code COMMIT}). The group ends
     * when {@code work} returns, and as soon as the thread starts a transaction (what it reads after its own write is
     * read after that write). Inside a transaction {@code work} just joins it.
     */
    <R> R readTogether(java.util.function.Supplier<R> work) {
        if (current.get() != null || together.get() != null) {
            return work.get();
        }
        together.set(new TransactionReads());
        try {
            return work.get();
        } finally {
            together.remove();
        }
    }

    /**
     * Runs {@code action} once the calling thread's transaction commits (dropped if it, or the savepoint the action
     * was registered behind, rolls back); at once outside a transaction. Actions must not fail.
     */
    void afterCommit(Runnable action) {
        java.util.List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /** Whether the calling thread is inside a transaction of this pool. */
    boolean active() {
        return current.get() != null;
    }

    /**
     * Runs {@code work} in the thread's transaction, or in a new one committed when {@code work} returns and
     * rolled back when it throws. SQL failures surface as {@link StoreFailures#unavailable} (503).
     */
    <R> R inTransaction(SqlWork<R> work) {
        Connection joined = current.get();
        if (joined != null) {
            return run(joined, work);
        }
        together.remove();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            reads.set(new TransactionReads());
            java.util.List<Runnable> pending = new java.util.ArrayList<>();
            afterCommit.set(pending);
            try {
                R r = work.run(c);
                SharedReads.beforeCommit(c, reads.get());
                c.commit();
                afterCommit.remove();
                pending.forEach(Runnable::run);
                return r;
            } catch (RuntimeException | SQLException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                current.remove();
                reads.remove();
                afterCommit.remove();
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Runs read-only {@code work}: in the thread's transaction when there is one, else on a pooled connection in
     * auto-commit mode, so a lone read costs its statement and no {@code COMMIT} round trip. Under the databases'
     * READ COMMITTED each statement sees the latest committed data either way. SQL failures are 503.
     */
    <R> R read(SqlWork<R> work) {
        Connection joined = current.get();
        if (joined != null) {
            return run(joined, work);
        }
        try (Connection c = pool.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Runs {@code work} so that a failing statement in it (a duplicate key) does not spoil the thread's
     * transaction: inside one, behind a savepoint rolled back on failure (PostgreSQL aborts a transaction after
     * any error otherwise); outside, as its own transaction. SQL exceptions reach {@code onFailure} first.
     */
    <R> R guarded(SqlWork<R> work, SqlFailure onFailure) {
        Connection joined = current.get();
        if (joined == null) {
            return inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    throw onFailure.translate(e);
                }
            });
        }
        return run(joined, c -> {
            Savepoint sp = c.setSavepoint();
            int mark = afterCommit.get().size();
            try {
                R r = work.run(c);
                c.releaseSavepoint(sp);
                return r;
            } catch (SQLException e) {
                c.rollback(sp);
                rolledBackTo(mark);
                throw onFailure.translate(e);
            }
        });
    }

    /**
     * As {@link #inTransaction}, but when it joins the thread's transaction it runs behind a savepoint that is rolled
     * back if {@code work} throws anything: a failed operation leaves nothing behind even inside a larger transaction
     * (e.g. a checkout trial, whose writes are always discarded).
     */
    <R> R nested(SqlWork<R> work) {
        Connection joined = current.get();
        if (joined == null) {
            return inTransaction(work);
        }
        return run(joined, c -> {
            Savepoint sp = c.setSavepoint();
            int mark = afterCommit.get().size();
            try {
                R r = work.run(c);
                c.releaseSavepoint(sp);
                return r;
            } catch (RuntimeException | SQLException | Error e) {
                c.rollback(sp);
                rolledBackTo(mark);
                throw e;
            }
        });
    }

    /** After a savepoint rollback: the cached reads go, and so do the after-commit actions registered behind it. */
    private void rolledBackTo(int mark) {
        reads.get().forgetAll();
        java.util.List<Runnable> pending = afterCommit.get();
        pending.subList(mark, pending.size()).clear();
    }

    /** Turns a SQL failure into the caller's error (or rethrows it as 503). */
    @FunctionalInterface
    interface SqlFailure {
        RuntimeException translate(SQLException e);
    }

    private static <R> R run(Connection c, SqlWork<R> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
