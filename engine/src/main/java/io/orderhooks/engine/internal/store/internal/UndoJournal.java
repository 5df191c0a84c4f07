package io.orderhooks.engine.internal.store.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What makes {@code InMemoryStore.withOrder} all-or-nothing and isolated like a database transaction, now that
 * operations on different orders run at the same time. While a transaction is open on a thread:
 * <ul>
 *   <li>every write records how to restore the row as it was; if the work fails, they are restored newest first;</li>
 *   <li>the first write to a shared table takes the store's table lock and keeps it to the end of the transaction,
 *       so no other thread writes a table row meanwhile (a restore can never undo another thread's write, and no
 *       other thread builds on a row that is then restored). Writes outside a transaction take the same lock for the
 *       one write. Order operations that write no table (adding lines, selecting ship methods) never take it;</li>
 *   <li>it holds the locks of the orders it works on (its own and those it created) until it ends.</li>
 * </ul>
 * Lock order is always: order lock, then table lock. Work must not lock another existing order (the
 * {@code Store} contract), which {@code InMemoryStore} enforces; without that no thread can wait for an order lock
 * while holding the table lock, so the two never deadlock. Thread-safe.
 */
final class UndoJournal {

    /** One thread's open transaction. */
    private static final class Open {
        final Set<String> orders = new HashSet<>();
        final Deque<Runnable> restores = new ArrayDeque<>();
        final List<Runnable> releases = new ArrayList<>();
        boolean tablesLocked;
    }

    private final ThreadLocal<Open> open = new ThreadLocal<>();
    private final ReentrantLock tables = new ReentrantLock();

    /**
     * Opens a transaction on this thread working on {@code orderID} (whose lock the caller holds); false (nothing
     * opened) when one is open already (a nested call joins it).
     */
    boolean begin(String orderID) {
        if (open.get() != null) {
            return false;
        }
        Open o = new Open();
        o.orders.add(orderID);
        open.set(o);
        return true;
    }

    /** Whether a transaction is open on this thread. */
    boolean isOpen() {
        return open.get() != null;
    }

    /** Whether this thread's open transaction holds the lock of {@code orderID}. */
    boolean holds(String orderID) {
        Open o = open.get();
        return o != null && o.orders.contains(orderID);
    }

    /** The orders this thread's open transaction works on (empty when none is open), for error messages. */
    Set<String> held() {
        Open o = open.get();
        return o == null ? Set.of() : Set.copyOf(o.orders);
    }

    /** Keeps the (already taken) lock of {@code orderID} to the end of the open transaction, then runs {@code release}. */
    void holdUntilEnd(String orderID, Runnable release) {
        Open o = open.get();
        o.orders.add(orderID);
        o.releases.add(release);
    }

    /** Records how to restore a row before it is written (nothing when no transaction is open on this thread). */
    void record(Runnable restore) {
        Open o = open.get();
        if (o != null) {
            o.restores.push(restore);
        }
    }

    /**
     * Runs one write to a shared table under the table lock: inside a transaction the lock is kept to its end,
     * outside one it is released when the write returns.
     */
    <R> R write(Supplier<R> op) {
        Open o = open.get();
        if (o != null) {
            if (!o.tablesLocked) {
                tables.lock();
                o.tablesLocked = true;
            }
            return op.get();
        }
        tables.lock();
        try {
            return op.get();
        } finally {
            tables.unlock();
        }
    }

    /** Closes the transaction, restoring every recorded row first when {@code rollback}, then releasing its locks. */
    void end(boolean rollback) {
        Open o = open.get();
        open.remove();
        if (o == null) {
            return;
        }
        try {
            if (rollback) {
                while (!o.restores.isEmpty()) {
                    o.restores.pop().run();
                }
            }
        } finally {
            if (o.tablesLocked) {
                tables.unlock();
            }
            o.releases.forEach(Runnable::run);
        }
    }
}
