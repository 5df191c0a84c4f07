package io.orderhooks.benchmarks;

import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store a benchmark engine uses, from the system property {@code orderhooks.bench.store}: {@code memory}
 * (default), {@code h2} (a fresh temporary folder), {@code h2:DIR}, or a {@code jdbc:postgresql:} URL (user and
 * password from {@code orderhooks.bench.db.user} / {@code orderhooks.bench.db.password}).
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
        if (choice.equals("h2") || choice.startsWith("h2:")) {
            try {
                return JdbcStores.h2(choice.equals("h2") ? Files.createTempDirectory("orderhooks-bench-")
                        : Path.of(choice.substring(3)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (choice.startsWith("jdbc:postgresql:")) {
            return JdbcStores.postgresql(choice, System.getProperty("orderhooks.bench.db.user", "postgres"),
                    System.getProperty("orderhooks.bench.db.password", ""));
        }
        throw new IllegalArgumentException(PROPERTY + " must be memory, h2, h2:DIR or a jdbc:postgresql: URL, was " + choice);
    }
}
