package io.orderhooks.benchmarks;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.middleware.postgres.MiddlewareState;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.QueuedPost;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the PostgreSQL middleware state costs per call, on a local (loopback) embedded PostgreSQL with its
 * default settings: a new idempotency key (claim + store answer: two transactions), a replayed key (one
 * upsert that claims nothing + one read), and one queued post-webhook through the queue (add, claim with
 * {@code SKIP LOCKED}, delete: three transactions). One thread; the database's fsync dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class SharedStateBenchmark {

    private static final RawResponse ANSWER = RawResponse.json(200, "{\"xp\":{}}".getBytes(StandardCharsets.UTF_8));
    private static final byte[] PAYLOAD = "{\"Route\":\"v1/orders/{direction}/{orderID}/submit\",\"Verb\":\"POST\"}"
            .getBytes(StandardCharsets.UTF_8);

    private EmbeddedPostgres postgres;
    private MiddlewareState state;
    private IdempotencyStore store;
    private PostQueueStorage queue;
    private long next;

    @Setup
    public void setUp() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        state = MiddlewareState.postgresql("postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres");
        store = state.idempotencyStore();
        queue = state.postQueueStorage("bench");
        store.execute("replayed", () -> ANSWER, IdempotencyStore::successful);
    }

    @TearDown
    public void tearDown() throws IOException {
        state.close();
        postgres.close();
    }

    @Benchmark
    public RawResponse idempotencyNewKey() {
        return store.execute("new-" + next++, () -> ANSWER, IdempotencyStore::successful);
    }

    @Benchmark
    public RawResponse idempotencyReplay() {
        return store.execute("replayed", () -> ANSWER, IdempotencyStore::successful);
    }

    @Benchmark
    public boolean queueAddClaimDeliver() {
        Instant now = Instant.now();
        queue.add(new QueuedPost("p-" + next++, null, "POST", "v1/orders", PAYLOAD, 0), now, 1_000_000);
        PostQueueStorage.Claim claim = queue.claimDue(now).orElseThrow();
        claim.delivered();
        return true;
    }
}
