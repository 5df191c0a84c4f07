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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two {@code orderhooks engine} JVMs on one embedded PostgreSQL (started here), behind a round-robin client: each
 * {@link #next()} is the other instance. Both name the same token issuer (as instances behind one load balancer
 * would), purge every second and send checkout events to {@code merchant}. Both start at the same moment on the
 * empty database (the schema migration and the admin bootstrap are serialized by the instances themselves).
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
        return start(EmbeddedPostgres.builder().start(), merchant.baseUrl(), "--integration-url",
                merchant.baseUrl() + "/integration", "--hash-key", "cluster-test-hash-key");
    }

    /**
     * Two engines on {@code pg} (closed with the cluster) with {@code extra} options; {@code merchantUrl} is where
     * {@link ClusterShop} points the message webhook.
     */
    static EngineCluster start(EmbeddedPostgres pg, String merchantUrl, String... extra) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--store", "postgresql://localhost:" + pg.getPort() + "/postgres",
                "--issuer", ISSUER, "--purge-period", "PT1S", "--no-metrics"));
        options.addAll(List.of(extra));
        String[] args = options.toArray(String[]::new);
        EngineCluster cluster = new EngineCluster(pg, merchantUrl, Files.createTempDirectory("orderhooks-cluster"), args);
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<ChildEngine>> started = List.of(
                    starting.submit(() -> ChildEngine.start(cluster.data.resolve("a"), ChildEngine.freePort(), args)),
                    starting.submit(() -> ChildEngine.start(cluster.data.resolve("b"), ChildEngine.freePort(), args)));
            for (int i = 0; i < 2; i++) {
                cluster.engines[i] = started(started.get(i));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        } finally {
            starting.shutdown();
        }
        return cluster;
    }

    private static ChildEngine started(Future<ChildEngine> start) throws IOException, InterruptedException {
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("an engine instance did not start", e.getCause());
        }
    }

    /** The client of instance {@code i} (0 or 1); a request may take a minute (the build machine is loaded). */
    OrderCloudClient instance(int i) {
        return new OrderCloudClient(engines[i].baseUrl(), HTTP, Duration.ofSeconds(60));
    }

    /** The other instance than the last call's. */
    OrderCloudClient next() {
        return instance(nextIndex());
    }

    /** The index (0 or 1) of the other instance than the last call's. */
    int nextIndex() {
        return Math.floorMod(turn.getAndIncrement(), 2);
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
        try {
            for (ChildEngine e : engines) {
                if (e != null) {
                    e.close();
                }
            }
            pg.close();
        } finally {
            Folders.delete(data); // every cluster left its folder in the temp folder
        }
    }
}
