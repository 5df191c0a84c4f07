package io.orderhooks.core.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link IdempotencyStore} contract, run against every implementation (in memory here, PostgreSQL in
 * {@code orderhooks-middleware-postgres}): extend it and return a fresh, empty store.
 */
public abstract class IdempotencyStoreContract {

    protected static final Duration RETENTION = Duration.ofMinutes(10);

    protected final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    protected final AtomicInteger runs = new AtomicInteger();
    protected IdempotencyStore store;

    /** A store with no answers, keeping them for {@code retention} on {@code clock}. */
    protected abstract IdempotencyStore newStore(MutableClock clock, Duration retention);

    @BeforeEach
    public void createStore() {
        store = newStore(clock, RETENTION);
    }

    protected RawResponse ok() {
        return RawResponse.json(200, ("{\"run\":" + runs.incrementAndGet() + "}").getBytes());
    }

    @Test
    public void aRepeatedKeyReturnsTheFirstAnswerWithoutRunningAgain() {
        RawResponse first = store.execute("submit:o1", () -> ok().withHeader("X-Extra", "1"), IdempotencyStore::successful);
        RawResponse second = store.execute("submit:o1", this::ok, IdempotencyStore::successful);
        assertThat(second.bodyText()).isEqualTo(first.bodyText()).isEqualTo("{\"run\":1}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.headers()).isEqualTo(first.headers()).containsEntry("X-Extra", "1");
        assertThat(runs).hasValue(1);
        store.execute("submit:o2", this::ok, IdempotencyStore::successful);
        assertThat(runs).hasValue(2);
    }

    @Test
    public void concurrentCopiesRunTheActionOnceAndShareItsAnswer() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RawResponse>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> store.execute("k", () -> {
                inside.countDown();
                await(release);
                return ok();
            }, IdempotencyStore::successful)));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> store.execute("k", this::ok, IdempotencyStore::successful)));
            }
            release.countDown();
            for (Future<RawResponse> f : answers) {
                assertThat(f.get(20, TimeUnit.SECONDS).bodyText()).isEqualTo("{\"run\":1}");
            }
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void failedAnswersAreNotRememberedSoARetryRunsAgain() {
        RawResponse failed = store.execute("k", () -> RawResponse.error(500, "ServerError", "x"), IdempotencyStore::successful);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":1}");
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":1}");
    }

    @Test
    public void aThrowingActionIsForgottenAndRethrown() {
        assertThatThrownBy(() -> store.execute("k", () -> {
            throw new IllegalStateException("boom");
        }, IdempotencyStore::successful)).hasMessage("boom");
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).status()).isEqualTo(200);
        assertThat(runs).hasValue(1);
    }

    @Test
    public void answersExpireAfterTheRetention() {
        store.execute("k", this::ok, IdempotencyStore::successful);
        clock.advance(RETENTION);
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":1}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":2}");
    }

    protected static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
