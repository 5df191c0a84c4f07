package io.orderhooks.benchmarks;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store a benchmark engine uses, from the system property {@code orderhooks.bench.store}: {@code memory}
 * (default), {@code h2} (a fresh temporary folder, deleted when the JVM ends), {@code h2:DIR}, or a
 * {@code jdbc:postgresql:} URL (user and password from {@code orderhooks.bench.db.user} /
 * {@code orderhooks.bench.db.password}, the pool's size from {@code orderhooks.bench.db.pool}, default the engine's,
 * {@value JdbcStores#POSTGRESQL_POOL_SIZE}).
 */
final class BenchStore {

    static final String PROPERTY = "orderhooks.bench.store";

    private BenchStore() {
    }

    static Store fromProperty() {
        String choice = System.getProperty(PROPERTY, "memory");
        if (choice.equals("memory")) {
            return new InMemoryStore();
        }
        if (choice.startsWith("h2:")) {
            return JdbcStores.h2(Path.of(choice.substring(3)));
        }
        if (choice.equals("h2")) {
            return temporaryH2();
        }
        if (choice.startsWith("jdbc:postgresql:")) {
            return JdbcStores.postgresql(choice, user(), password(),
                    Integer.getInteger("orderhooks.bench.db.pool", JdbcStores.POSTGRESQL_POOL_SIZE));
        }
        throw new IllegalArgumentException(PROPERTY + " must be memory, h2, h2:DIR or a jdbc:postgresql: URL, was " + choice);
    }

    /** The PostgreSQL user, {@code orderhooks.bench.db.user} (default {@code postgres}). */
    static String user() {
        return System.getProperty("orderhooks.bench.db.user", "postgres");
    }

    /** The PostgreSQL password, {@code orderhooks.bench.db.password} (default empty). */
    static String password() {
        return System.getProperty("orderhooks.bench.db.password", "");
    }

    /**
     * H2 in a fresh temporary folder that is closed and deleted when the JVM ends (a load run writes ~0.5 GiB to it in
     * four minutes; the folders of killed runs had filled the disk by session 15). A JVM killed with SIGKILL leaves it.
     */
    private static Store temporaryH2() {
        Path dir;
        try {
            dir = Files.createTempDirectory("orderhooks-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JdbcStore store = JdbcStores.h2(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                store.close();
            } finally {
                StatementCount.deleteFolder(dir);
            }
        }, "bench-h2-delete"));
        return store;
    }
}
