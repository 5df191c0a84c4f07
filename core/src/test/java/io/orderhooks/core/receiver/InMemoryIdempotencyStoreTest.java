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

/** The contract in memory, plus the capacity bound. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore(MutableClock clock, Duration retention) {
        return new InMemoryIdempotencyStore(clock, retention, 1000);
    }

    int size() {
        return ((InMemoryIdempotencyStore) store).size();
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
        assertThat(size()).isEqualTo(1);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new InMemoryIdempotencyStore(clock, Duration.ZERO, 1)).hasMessageContaining("retention");
        assertThatThrownBy(() -> new InMemoryIdempotencyStore(clock, Duration.ofMinutes(1), 0)).hasMessageContaining("maxEntries");
    }
}
