package io.orderhooks.examples.cli;

import io.orderhooks.examples.client.OrderCloudClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two {@code orderhooks engine} JVMs on one embedded PostgreSQL (started here), behind a round-robin client: each
 * {@link #next()} is the other instance. Both name the same token issuer (as instances behind one load balancer
 * would), purge every second and send checkout events to {@code merchant}. Started one after the other (the first
 * creates the schema and the admin credentials).
 */
final class EngineCluster implements AutoCloseable {

    static final String ISSUER = "http://orderhooks-cluster.test";
    static final String ADMIN_SECRET = "admin-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final EmbeddedPostgres pg;
    private final String merchantUrl;
    private final Path data;
    private final String[] args;
    private final ChildEngine[] engines = new ChildEngine[2];
    private final AtomicInteger turn = new AtomicInteger();

    private EngineCluster(EmbeddedPostgres pg, String merchantUrl, Path data, String[] args) {
        this.pg = pg;
        this.merchantUrl = merchantUrl;
        this.data = data;
        this.args = args;
    }

    static EngineCluster start(RecordingMerchant merchant) throws IOException, InterruptedException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        String[] args = {"--store", "postgresql://localhost:" + pg.getPort() + "/postgres", "--issuer", ISSUER,
                "--purge-period", "PT1S", "--no-metrics", "--integration-url", merchant.baseUrl() + "/integration",
                "--hash-key", "cluster-test-hash-key"};
        EngineCluster cluster = new EngineCluster(pg, merchant.baseUrl(), Files.createTempDirectory("orderhooks-cluster"), args);
        try {
            cluster.engines[0] = ChildEngine.start(cluster.data.resolve("a"), ChildEngine.freePort(), args);
            cluster.engines[1] = ChildEngine.start(cluster.data.resolve("b"), ChildEngine.freePort(), args);
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The client of instance {@code i} (0 or 1); a request may take a minute (the build machine is loaded). */
    OrderCloudClient instance(int i) {
        return new OrderCloudClient(engines[i].baseUrl(), HTTP, Duration.ofSeconds(60));
    }

    /** The other instance than the last call's. */
    OrderCloudClient next() {
        return instance(Math.floorMod(turn.getAndIncrement(), 2));
    }

    String merchantUrl() {
        return merchantUrl;
    }

    ChildEngine engine(int i) {
        return engines[i];
    }

    /** Replaces instance {@code i} (after a kill) with a fresh JVM on the same database. */
    void restart(int i) throws IOException, InterruptedException {
        engines[i] = ChildEngine.start(data.resolve(i + "-" + System.nanoTime()), ChildEngine.freePort(), args);
    }

    /** Runs one SQL update on the engines' database (tests age rows with it). */
    int sql(String statement, Object... params) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int p = 0; p < params.length; p++) {
                ps.setObject(p + 1, params[p]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (ChildEngine e : engines) {
            if (e != null) {
                e.close();
            }
        }
        pg.close();
    }
}
