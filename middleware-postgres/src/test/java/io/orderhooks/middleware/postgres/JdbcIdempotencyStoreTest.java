package io.orderhooks.middleware.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.IdempotencyStoreContract;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on real PostgreSQL, plus leases and retention sweeps. */
class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    MiddlewareState state;

    @Override
    protected IdempotencyStore newStore(MutableClock clock, Duration retention) {
        state = MiddlewareState.builder(TestDatabase.fresh()).clock(clock).retention(retention).lease(LEASE).build();
        return state.idempotencyStore();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    @Test
    void aClaimWhoseHolderNeverAnswersIsTakenOverOnceTheLeaseLapses() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RawResponse> stuck = pool.submit(() -> store.execute("k", () -> {
                inside.countDown();
                await(release);
                return RawResponse.json(200, "{\"run\":\"stuck\"}".getBytes());
            }, IdempotencyStore::successful));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(LEASE);

            RawResponse retry = store.execute("k", this::ok, IdempotencyStore::successful);

            assertThat(retry.bodyText()).isEqualTo("{\"run\":1}");
            release.countDown();
            assertThat(stuck.get(10, TimeUnit.SECONDS).bodyText()).as("the late holder still answers its caller")
                    .isEqualTo("{\"run\":\"stuck\"}");
            assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText())
                    .as("the late holder's answer does not replace the one stored").isEqualTo("{\"run\":1}");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSweepDeletesOnlyExpiredAnswers() {
        for (int i = 0; i < 3; i++) {
            store.execute("old-" + i, this::ok, IdempotencyStore::successful);
        }
        clock.advance(RETENTION.plusSeconds(1));
        store.execute("new", this::ok, IdempotencyStore::successful);

        assertThat(state.sweep()).isEqualTo(3);
        assertThat(state.sweep()).isZero();
        assertThat(store.execute("new", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":4}");
    }
}
