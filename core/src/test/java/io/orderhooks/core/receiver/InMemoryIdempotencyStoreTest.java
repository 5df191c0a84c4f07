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
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

    final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10), 1000);
    final AtomicInteger runs = new AtomicInteger();

    RawResponse ok() {
        return RawResponse.json(200, ("{\"run\":" + runs.incrementAndGet() + "}").getBytes());
    }

    @Test
    void aRepeatedKeyReturnsTheFirstAnswerWithoutRunningAgain() {
        RawResponse first = store.execute("submit:o1", this::ok, IdempotencyStore::successful);
        RawResponse second = store.execute("submit:o1", this::ok, IdempotencyStore::successful);
        assertThat(second.bodyText()).isEqualTo(first.bodyText()).isEqualTo("{\"run\":1}");
        assertThat(runs).hasValue(1);
        store.execute("submit:o2", this::ok, IdempotencyStore::successful);
        assertThat(runs).hasValue(2);
    }

    @Test
    void concurrentCopiesRunTheActionOnce() throws Exception {
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
                assertThat(f.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("{\"run\":1}");
            }
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedAnswersAreNotRememberedSoARetryRunsAgain() {
        RawResponse failed = store.execute("k", () -> RawResponse.error(500, "ServerError", "x"), IdempotencyStore::successful);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).status()).isEqualTo(200);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aThrowingActionIsForgottenAndRethrown() {
        assertThatThrownBy(() -> store.execute("k", () -> {
            throw new IllegalStateException("boom");
        }, IdempotencyStore::successful)).hasMessage("boom");
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).status()).isEqualTo(200);
    }

    @Test
    void answersExpireAfterTheRetention() {
        store.execute("k", this::ok, IdempotencyStore::successful);
        clock.advance(Duration.ofMinutes(10));
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":1}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.execute("k", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":2}");
    }

    @Test
    void whenFullTheOldestAnswerMakesRoom() {
        InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10), 2);
        small.execute("k1", this::ok, IdempotencyStore::successful);
        clock.advance(Duration.ofSeconds(1));
        small.execute("k2", this::ok, IdempotencyStore::successful);
        clock.advance(Duration.ofSeconds(1));
        small.execute("k3", this::ok, IdempotencyStore::successful);
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.execute("k3", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":3}");
        assertThat(small.execute("k1", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":4}");
    }

    @Test
    void whenFullAnAnswerStillBeingComputedIsNotEvicted() throws Exception {
        InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(clock, Duration.ofMinutes(10), 2);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RawResponse> slow = pool.submit(() -> small.execute("slow", () -> {
                inside.countDown();
                await(release);
                return ok();
            }, IdempotencyStore::successful));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            small.execute("k1", this::ok, IdempotencyStore::successful);
            small.execute("k2", this::ok, IdempotencyStore::successful);
            assertThat(small.size()).isEqualTo(2);
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("{\"run\":3}");
            assertThat(small.execute("slow", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":3}");
            assertThat(small.execute("k1", this::ok, IdempotencyStore::successful).bodyText()).isEqualTo("{\"run\":4}");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredAnswersLeaveFromTheOldestEndAsNewKeysArrive() {
        for (int i = 0; i < 500; i++) {
            store.execute("old" + i, this::ok, IdempotencyStore::successful);
        }
        clock.advance(Duration.ofMinutes(11));
        store.execute("new", this::ok, IdempotencyStore::successful);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new InMemoryIdempotencyStore(clock, Duration.ZERO, 1)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new InMemoryIdempotencyStore(clock, Duration.ofMinutes(1), 0)).hasMessageContaining("maxEntries");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
