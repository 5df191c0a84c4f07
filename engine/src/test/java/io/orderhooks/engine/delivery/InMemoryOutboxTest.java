package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The outbox contract in memory, plus its capacity and shutdown hand-over. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Outbox outbox() {
        return Outbox.inMemory(100);
    }

    @Test
    void aFullOutboxRefusesAndCountsClaimedEntriesAgainstItsCapacity() {
        Outbox box = Outbox.inMemory(2);
        assertThat(box.add(entry("{}", T0))).isTrue();
        assertThat(box.add(entry("{}", T0))).isTrue();
        box.claim("a", T0, java.time.Duration.ofSeconds(5), 1);

        assertThat(box.add(entry("{}", T0))).isFalse();
        assertThat(box.size()).isEqualTo(2);
    }

    @Test
    void itIsNotDurableAndHandsOverOnlyItsUnclaimedEntries() {
        Outbox box = Outbox.inMemory(10);
        OutboxEntry claimed = entry("{}", T0);
        OutboxEntry waiting = entry("{}", T0.plusSeconds(1));
        box.add(claimed);
        box.add(waiting);
        box.claim("a", T0, java.time.Duration.ofSeconds(5), 1);

        assertThat(box.durable()).isFalse();
        assertThat(box.takeUnclaimed()).extracting(OutboxEntry::id).containsExactly(waiting.id());
        assertThat(box.size()).isEqualTo(1);
    }

    /** The post-queue lease rules on this outbox. */
    @org.junit.jupiter.api.Nested
    class PostQueueLeases extends io.orderhooks.engine.delivery.PostQueueLeasesContract {

        @Override
        protected Outbox outbox() {
            return InMemoryOutboxTest.this.outbox();
        }
    }
}
