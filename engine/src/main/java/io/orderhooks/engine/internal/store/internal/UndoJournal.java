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

    /**
     * Opens a journal on this thread, or a nested scope of the open one (a nested call joins it, as a savepoint);
     * returns the mark to pass to {@link #end}.
     */
    int begin() {
        Deque<Runnable> d = open.get();
        if (d != null) {
            return d.size();
        }
        open.set(new ArrayDeque<>());
        return OUTERMOST;
    }

    /** Records how to restore a row before it is written (nothing when no journal is open on this thread). */
    void record(Runnable restore) {
        Deque<Runnable> d = open.get();
        if (d != null) {
            d.push(restore);
        }
    }

    /**
     * Ends the scope {@code mark} opened, first restoring every row recorded since then, newest first, when
     * {@code rollback}; the outermost scope closes the journal.
     */
    void end(int mark, boolean rollback) {
        Deque<Runnable> d = open.get();
        if (d == null) {
            return;
        }
        if (rollback) {
            while (d.size() > Math.max(mark, 0)) {
                d.pop().run();
            }
        }
        if (mark == OUTERMOST) {
            open.remove();
        }
    }

    private static final int OUTERMOST = -1;
}
