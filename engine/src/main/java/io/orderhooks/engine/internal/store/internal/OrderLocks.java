package io.orderhooks.engine.internal.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One reentrant lock per order ID, existing only while some thread holds or waits for it (so the map holds the orders
 * in use, not every order). Operations on different orders never wait for each other. Thread-safe.
 */
final class OrderLocks {

    /** A lock and how many acquisitions (holders, waiters, reentrant holds) still need it. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** Waits for the lock of {@code orderID}; pair with {@link #unlock}. */
    void lock(String orderID) {
        slot(orderID).lock.lock();
    }

    /** Takes the lock of {@code orderID} only if no other thread holds it; pair a true answer with {@link #unlock}. */
    boolean tryLock(String orderID) {
        Slot s = slot(orderID);
        if (s.lock.tryLock()) {
            return true;
        }
        forget(orderID);
        return false;
    }

    /** Releases one hold of {@code orderID}'s lock taken by this thread. */
    void unlock(String orderID) {
        slots.get(orderID).lock.unlock();
        forget(orderID);
    }

    /** Locks currently in use (held or awaited), for tests. */
    int inUse() {
        return slots.size();
    }

    private Slot slot(String orderID) {
        return slots.compute(orderID, (id, s) -> {
            Slot used = s == null ? new Slot() : s;
            used.users++;
            return used;
        });
    }

    private void forget(String orderID) {
        slots.computeIfPresent(orderID, (id, s) -> --s.users == 0 ? null : s);
    }
}
