package io.orderhooks.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.store.JobLock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    /** A job lock that runs the work (recording that it holds the lock meanwhile), or refuses every run. */
    static final class RecordingLock implements JobLock {
        final AtomicBoolean held = new AtomicBoolean();
        final CountDownLatch threeAttempts = new CountDownLatch(3);
        final List<String> jobs = new CopyOnWriteArrayList<>();
        final boolean otherInstanceHoldsIt;

        RecordingLock(boolean otherInstanceHoldsIt) {
            this.otherInstanceHoldsIt = otherInstanceHoldsIt;
        }

        @Override
        public <R> Optional<R> runExclusively(String job, Supplier<R> work) {
            jobs.add(job);
            threeAttempts.countDown();
            if (otherInstanceHoldsIt) {
                return Optional.empty();
            }
            held.set(true);
            try {
                return Optional.ofNullable(work.get());
            } finally {
                held.set(false);
            }
        }

        @Override
        public <R> R runSerialized(String job, Supplier<R> work) {
            return work.get();
        }
    }

    @Test
    void handsEachPassesResultToTheFollowUpOnceTheJobLockIsReleased() throws Exception {
        RecordingLock lock = new RecordingLock(false);
        CountDownLatch followedUp = new CountDownLatch(2);
        List<Boolean> heldDuringFollowUp = new CopyOnWriteArrayList<>();
        AtomicInteger passes = new AtomicInteger();
        try (PeriodicJob job = PeriodicJob.start("test-job", Duration.ofMillis(5), lock, passes::incrementAndGet, n -> {
            heldDuringFollowUp.add(lock.held.get());
            followedUp.countDown();
        })) {
            assertThat(followedUp.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heldDuringFollowUp).isNotEmpty().containsOnly(false);
        assertThat(lock.jobs).isNotEmpty().containsOnly("test-job");
    }

    @Test
    void aFailingPassIsLoggedAndTheNextPassStillRuns() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch secondPass = new CountDownLatch(1);
        try (PeriodicJob job = PeriodicJob.start("flaky-job", Duration.ofMillis(5), JobLock.LOCAL, () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return "done";
        }, result -> secondPass.countDown())) {
            assertThat(secondPass.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(passes.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void noFollowUpRunsOnAnInstanceThatDidNotGetTheJobLock() throws Exception {
        RecordingLock lock = new RecordingLock(true);
        AtomicInteger followUps = new AtomicInteger();
        try (PeriodicJob job = PeriodicJob.start("elsewhere", Duration.ofMillis(5), lock, () -> "ran",
                result -> followUps.incrementAndGet())) {
            assertThat(lock.threeAttempts.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(followUps.get()).isZero();
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> PeriodicJob.start("job", Duration.ofSeconds(-1), JobLock.LOCAL, () -> 1, r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("period must be positive, was PT-1S");
    }
}
