package io.orderhooks.engine;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an {@link OrderEngine} keeps its state. Choose one with {@link OrderEngine.Config#store(Choice)}.
 *
 * <ul>
 *   <li>{@link #memory()} — in this JVM only: tests and throwaway runs; everything is gone when the engine closes.</li>
 * </ul>
 */
public final class Stores {

    private Stores() {
    }

    /** State in this JVM's memory, lost when the engine closes. */
    public static Choice memory() {
        return new Choice("memory", InMemoryStore::new);
    }

    /**
     * One store choice; the engine opens it when it is created and closes it when the engine closes.
     * Immutable.
     */
    public static final class Choice {
        private final String description;
        private final Supplier<Store> opener;

        Choice(String description, Supplier<Store> opener) {
            this.description = Objects.requireNonNull(description, "description");
            this.opener = Objects.requireNonNull(opener, "opener");
        }

        Store open() {
            return opener.get();
        }

        /** e.g. {@code memory}: what the engine prints at start. */
        @Override
        public String toString() {
            return description;
        }
    }
}
