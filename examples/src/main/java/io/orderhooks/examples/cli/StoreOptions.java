package io.orderhooks.examples.cli;

import io.orderhooks.engine.Stores;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a command's engine keeps its state: {@code --store} (memory, h2, or a PostgreSQL URL whose credentials come
 * from the environment, its pool's size in {@code --db-pool}) and {@code --data DIR} for H2.
 */
final class StoreOptions {

    @Option(names = "--store", defaultValue = "${env:ORDERHOOKS_STORE:-h2}", paramLabel = "STORE",
            description = {"h2 (default: an embedded database in --data), memory (nothing kept), or PostgreSQL as",
                    "postgresql://host:port/db or jdbc:postgresql://host:port/db with credentials in",
                    "ORDERHOOKS_DB_USER / ORDERHOOKS_DB_PASSWORD (env ORDERHOOKS_STORE)."})
    String store;

    @Option(names = "--db-pool", paramLabel = "N",
            defaultValue = "${env:ORDERHOOKS_DB_POOL:-" + Stores.POSTGRESQL_POOL_SIZE + "}",
            description = {"PostgreSQL: connections this instance opens at most (default " + Stores.POSTGRESQL_POOL_SIZE
                    + "; about twice the", "database host's cores plus one, divided among the instances; env ORDERHOOKS_DB_POOL)."})
    int dbPool;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:ORDERHOOKS_DATA}",
            description = "Data folder of the h2 store (env ORDERHOOKS_DATA).")
    Path data;

    /** Whether the state will be kept in an H2 data folder. */
    boolean usesDataFolder() {
        return "h2".equalsIgnoreCase(store);
    }

    /** The store choice; {@code defaultData} is the H2 folder when {@code --data} is not given. */
    Stores.Choice choice(Path defaultData) {
        String s = store.trim();
        if (s.equalsIgnoreCase("memory")) {
            return Stores.memory();
        }
        if (s.equalsIgnoreCase("h2")) {
            return Stores.h2(data != null ? data : defaultData);
        }
        if (s.startsWith("postgresql://") || s.startsWith("jdbc:postgresql:")) {
            return Stores.postgresql(s, env("ORDERHOOKS_DB_USER", "postgres"), env("ORDERHOOKS_DB_PASSWORD", ""), dbPool);
        }
        throw new IllegalArgumentException("--store must be memory, h2, postgresql://host:port/db or a "
                + "jdbc:postgresql: URL, was " + store);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
