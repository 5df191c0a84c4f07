package io.orderhooks.engine.internal.store.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What makes {@code InMemoryStore.withOrder} all-or-nothing like a database transaction: while a journal is open on a
 * thread, every table write made on that thread records how to restore the row as it was; if the work fails, the
 * store restores them newest first. Writes of other threads are not recorded (the store serializes order operations,
 * so none of them writes the same rows meanwhile except plain table calls outside {@code withOrder}).
 */
final class UndoJournal {

    private final ThreadLocal<Deque<Runnable>> open = new ThreadLocal<>();

    /** Opens a journal on this thread; false (nothing opened) when one is open already (a nested call joins it). */
    boolean begin() {
        if (open.get() != null) {
            return false;
        }
        open.set(new ArrayDeque<>());
        return true;
    }

    /** Records how to restore a row before it is written (nothing when no journal is open on this thread). */
    void record(Runnable restore) {
        Deque<Runnable> d = open.get();
        if (d != null) {
            d.push(restore);
        }
    }

    /** Closes the journal, restoring every recorded row first when {@code rollback}. */
    void end(boolean rollback) {
        Deque<Runnable> d = open.get();
        open.remove();
        if (rollback && d != null) {
            while (!d.isEmpty()) {
                d.pop().run();
            }
        }
    }
}
