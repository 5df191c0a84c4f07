package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.senders.webhooks.internal.PostQueue;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A post-webhook the receiver answered 2xx is not delivered again by the same queue: neither after a worker whose
 * attempt overran its lease fails late (its lease is its own, so it cannot reschedule the entry another worker holds),
 * nor after the outbox failed to remove the delivered entry (the queue removes it at its next claim without sending).
 * Attempts are driven by {@link PostQueue#runDue()} on an injected clock; the receiver is held with latches.
 */
public abstract class PostQueueLeasesContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The queue's lease: the time limit (10 s) plus its 15 s margin. */
    private static final Duration PAST_THE_LEASE = Duration.ofSeconds(26);

    /** A new, empty outbox. */
    protected abstract Outbox outbox();

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger answered2xx = new AtomicInteger();

    @Test
    void aWorkerWhoseLeaseEndedCannotRescheduleWhatAnotherWorkerDeliveredSoItIsDeliveredOnce() throws Exception {
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch secondIn = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Outbox box = outbox();
        PostQueue queue = queue(box, request -> {
            int call = calls.incrementAndGet();
            if (call == 1) { // the slow attempt: it outlives its lease, then the receiver answers 500
                firstIn.countDown();
                await(releaseFirst);
                return RawResponse.json(500, Map.of("Error", "busy"));
            }
            if (call == 2) { // the attempt of the worker that claimed the entry after the lease ended
                secondIn.countDown();
                await(releaseSecond);
            }
            answered2xx.incrementAndGet();
            return RawResponse.json(200, Map.of());
        });
        queue.accept(attempt());

        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(queue::runDue);
        assertThat(firstIn.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(PAST_THE_LEASE);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(queue::runDue);
        assertThat(secondIn.await(30, TimeUnit.SECONDS)).isTrue();
        releaseFirst.countDown(); // the slow worker's attempt fails while the other one's is in flight
        assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        releaseSecond.countDown();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1)); // past any retry the slow worker could have scheduled
        assertThat(queue.runDue()).as("attempts after the delivery").isZero();
        assertThat(answered2xx.get()).isEqualTo(1);
        assertThat(box.size()).isZero();
    }

    @Test
    void aDeliveredEntryWhoseRemovalFailedIsRemovedWithoutSendingItAgainWhenClaimedAgain() {
        AtomicBoolean failNextRemoval = new AtomicBoolean(true);
        Outbox real = outbox();
        Outbox box = new FailingRemoval(real, failNextRemoval);
        PostQueue queue = queue(box, request -> {
            answered2xx.incrementAndGet();
            return RawResponse.json(200, Map.of());
        });
        queue.accept(attempt());

        assertThat(queue.runDue()).isEqualTo(1);
        assertThat(answered2xx.get()).isEqualTo(1);
        assertThat(real.size()).as("the delivered entry, not removed").isEqualTo(1);

        clock.advance(PAST_THE_LEASE);
        queue.runDue();

        assertThat(answered2xx.get()).as("deliveries").isEqualTo(1);
        assertThat(real.size()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(queue.runDue()).isZero();
        assertThat(answered2xx.get()).isEqualTo(1);
    }

    private PostQueue queue(Outbox box, RawHandler receiver) {
        Deliverer deliverer = Deliverer.builder()
                .transport(Transports.inProcessOnCallerThread(receiver, Transports.DEFAULT_MAX_RESPONSE_BYTES))
                .log(new InMemoryDeliveryLog()).clock(clock).build();
        return new PostQueue(deliverer, RetrySchedule.of(0, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Duration.ofSeconds(10), 100, () -> 0.5, box);
    }

    private static Attempt attempt() {
        OutboundRequest request = new OutboundRequest("https://mw.example.com/webhooks/orders", "/webhooks/orders",
                "{\"LogID\":\"log-1\"}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        return Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "o1", request);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the receiver");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The outbox, except that the next removal fails as a database outage would (the entry stays). */
    private record FailingRemoval(Outbox real, AtomicBoolean failNext) implements Outbox {
        @Override
        public boolean add(OutboxEntry entry) {
            return real.add(entry);
        }

        @Override
        public List<OutboxEntry> claim(String owner, Instant now, Duration lease, int max) {
            return real.claim(owner, now, lease, max);
        }

        @Override
        public boolean reschedule(OutboxEntry next, String owner) {
            return real.reschedule(next, owner);
        }

        @Override
        public boolean complete(String id, String owner) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("database unavailable");
            }
            return real.complete(id, owner);
        }

        @Override
        public int size() {
            return real.size();
        }

        @Override
        public Instant nextDue() {
            return real.nextDue();
        }

        @Override
        public boolean durable() {
            return real.durable();
        }

        @Override
        public List<OutboxEntry> takeUnclaimed() {
            return real.takeUnclaimed();
        }
    }
}
