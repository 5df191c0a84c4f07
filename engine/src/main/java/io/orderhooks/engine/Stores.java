package io.orderhooks.engine;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an {@link OrderEngine} keeps its state. Choose one with {@link OrderEngine.Config#store(Choice)}.
 *
 * <ul>
 *   <li>{@link #memory()} — in this JVM only: tests and throwaway runs; everything is gone when the engine closes.</li>
 *   <li>{@link #h2(Path)} — an embedded H2 database in a data folder: zero setup, survives restarts and crashes;
 *       one engine process per folder.</li>
 *   <li>{@link #postgresql(String, String, String)} — PostgreSQL: production, several engine instances.</li>
 * </ul>
 *
 * <p>The durable stores keep the schema versioned (Flyway) and refuse a database written by a newer engine.
 * Opening fails with an {@link IllegalStateException} whose message is one line for the operator (folder not
 * writable, disk full, database unreachable, migration failed or refused). Every API call's changes commit in one
 * transaction; see {@code docs/DURABILITY.md}.
 */
public final class Stores {

    /** The PostgreSQL pool's size when none is given (see {@link #postgresql(String, String, String, int)}). */
    public static final int POSTGRESQL_POOL_SIZE = JdbcStores.POSTGRESQL_POOL_SIZE;

    private Stores() {
    }

    /** State in this JVM's memory, lost when the engine closes. */
    public static Choice memory() {
        return new Choice("memory", InMemoryStore::new);
    }

    /** An embedded H2 database in {@code dataDir} (created if missing), kept across restarts. */
    public static Choice h2(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new Choice("h2 " + dataDir.toAbsolutePath().normalize(), () -> JdbcStores.h2(dataDir));
    }

    /**
     * PostgreSQL at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}; {@code postgresql://host:port/db} is
     * accepted too), with these credentials.
     */
    public static Choice postgresql(String jdbcUrl, String user, String password) {
        return postgresql(jdbcUrl, user, password, POSTGRESQL_POOL_SIZE);
    }

    /**
     * As {@link #postgresql(String, String, String)} with at most {@code poolSize} connections (default
     * {@value #POSTGRESQL_POOL_SIZE}). Each connection is a server process: size the pool to the database's
     * host, shared by all instances (HikariCP's rule of thumb: about twice the host's cores plus one;
     * {@code docs/OPERATIONS.md}, "PostgreSQL connections").
     *
     * @throws IllegalArgumentException when {@code poolSize} is less than 1
     */
    public static Choice postgresql(String jdbcUrl, String user, String password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) {
            throw new IllegalArgumentException("the PostgreSQL pool needs at least 1 connection, was " + poolSize);
        }
        String url = jdbcUrl.startsWith("postgresql://") ? "jdbc:" + jdbcUrl : jdbcUrl;
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + jdbcUrl);
        }
        String shown = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
        return new Choice("postgresql " + shown + (poolSize == POSTGRESQL_POOL_SIZE ? "" : " (pool " + poolSize + ")"),
                () -> JdbcStores.postgresql(url, user, password, poolSize));
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
