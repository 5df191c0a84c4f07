package io.orderhooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One sweeping thread: checks armed items when due, keeps or drops them by their check's verdict. */
class SweeperTest {

    /** A body due at a fixed time, counting its checks; kept for {@code keep} checks, each due again at once. */
    static final class Body implements Sweeper.Watched {
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch dropped = new CountDownLatch(1);
        final int keep;
        volatile long due;

        Body(long due, int keep) {
            this.due = due;
            this.keep = keep;
        }

        @Override
        public long dueAt() {
            return due;
        }

        @Override
        public boolean check(long now) {
            assertThat(now - due).as("never checked before it is due").isGreaterThanOrEqualTo(0);
            if (checks.incrementAndGet() > keep) {
                dropped.countDown();
                return false;
            }
            due = now;
            return true;
        }
    }

    final Sweeper sweeper = new Sweeper("test-sweeper");

    @Test
    void aBodyDueIsCheckedAndDroppedWhenItsCheckSaysSo() throws Exception {
        Body body = new Body(System.nanoTime(), 0);
        sweeper.arm(body, TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(body.dropped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(body.checks).hasValue(1);
        awaitArmed(0);
    }

    @Test
    void aBodyKeptByItsCheckIsCheckedAgainWhenDueUntilItsCheckDropsIt() throws Exception {
        Body body = new Body(System.nanoTime(), 3);
        sweeper.arm(body, TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(body.dropped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(body.checks).hasValue(4);
        awaitArmed(0);
    }

    @Test
    void aDisarmedBodyIsNoLongerWatchedAndDisarmingTwiceIsHarmless() {
        Body body = new Body(System.nanoTime() + TimeUnit.HOURS.toNanos(1), 0);
        sweeper.arm(body, TimeUnit.HOURS.toNanos(1));
        assertThat(sweeper.armedCount()).isEqualTo(1);
        sweeper.disarm(body);
        sweeper.disarm(body);
        assertThat(sweeper.armedCount()).isZero();
        assertThat(body.checks).hasValue(0);
    }

    @Test
    void aBodyArmedWhileTheSweeperSleepsTowardsALaterCheckIsStillCheckedWhenDue() throws Exception {
        Body late = new Body(System.nanoTime() + TimeUnit.HOURS.toNanos(1), 0);
        sweeper.arm(late, TimeUnit.HOURS.toNanos(1));
        Body soon = new Body(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5), 0);
        sweeper.arm(soon, TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(soon.dropped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(late.checks).hasValue(0);
        sweeper.disarm(late);
    }

    private void awaitArmed(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sweeper.armedCount() != count && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        assertThat(sweeper.armedCount()).isEqualTo(count);
    }
}
