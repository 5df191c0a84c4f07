package io.orderhooks.core.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    final TimeBudget budget = new TimeBudget("test");

    @AfterEach
    void close() {
        budget.close();
    }

    @Test
    void theTaskSeesTheCallersMdcAndLeavesNothingBehindOnThePoolThread() {
        org.slf4j.MDC.put("traceId", "t-1");
        try {
            assertThat(budget.run(() -> org.slf4j.MDC.get("traceId"), Duration.ofSeconds(5)))
                    .isEqualTo(new TimeBudget.Outcome.Completed<>("t-1"));
        } finally {
            org.slf4j.MDC.remove("traceId");
        }
        assertThat(budget.run(() -> String.valueOf(org.slf4j.MDC.get("traceId")), Duration.ofSeconds(5)))
                .isEqualTo(new TimeBudget.Outcome.Completed<>("null"));
    }

    @Test
    void returnsTheValueOfATaskThatFinishesInTime() {
        assertThat(budget.run(() -> 42, Duration.ofSeconds(5))).isEqualTo(new TimeBudget.Outcome.Completed<>(42));
    }

    @Test
    void reportsTheCauseOfATaskThatThrows() {
        TimeBudget.Outcome<Object> outcome = budget.run(() -> {
            throw new IllegalArgumentException("bad");
        }, Duration.ofSeconds(5));
        assertThat(outcome).isInstanceOfSatisfying(TimeBudget.Outcome.Failed.class,
                f -> assertThat(f.cause()).hasMessage("bad"));
    }

    @Test
    void interruptsATaskThatOverrunsAndReportsTheLimit() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        TimeBudget.Outcome<Object> outcome = budget.run(() -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        }, Duration.ofMillis(50));
        assertThat(outcome).isEqualTo(new TimeBudget.Outcome.TimedOut<>(Duration.ofMillis(50)));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runHereRunsTheTaskOnTheCallersThreadAndReturnsItsOutcome() {
        Thread caller = Thread.currentThread();
        TimeBudget.Inline<Boolean, String> inline = budget.runHere(() -> Thread.currentThread() == caller,
                Duration.ofSeconds(30), limit -> "late");

        assertThat(inline).isEqualTo(new TimeBudget.Inline.Finished<>(new TimeBudget.Outcome.Completed<>(true)));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void runHereReportsTheCauseOfATaskThatThrows() {
        TimeBudget.Inline<Object, String> inline = budget.runHere(() -> {
            throw new IllegalArgumentException("bad");
        }, Duration.ofSeconds(30), limit -> "late");

        assertThat(inline).isInstanceOfSatisfying(TimeBudget.Inline.Finished.class, f -> assertThat(f.outcome())
                .isInstanceOfSatisfying(TimeBudget.Outcome.Failed.class, o -> assertThat(o.cause()).hasMessage("bad")));
    }

    @Test
    void runHereProducesTheExpiryAnswerAtTheLimitWhileATaskIgnoringInterruptionStillRunsThenReturnsIt()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch expired = new CountDownLatch(1);
        AtomicBoolean taskEnded = new AtomicBoolean();
        AtomicReference<Boolean> endedAtExpiry = new AtomicReference<>();
        org.slf4j.MDC.put("traceId", "t-2");
        Thread releaser = new Thread(() -> {
            try {
                if (expired.await(30, TimeUnit.SECONDS)) {
                    release.countDown();
                }
            } catch (InterruptedException ignored) {
                // test ends
            }
        });
        releaser.start();
        TimeBudget.Inline<String, String> inline;
        try {
            inline = budget.runHere(() -> {
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException ignored) {
                        // ignores the limit on purpose
                    }
                }
                taskEnded.set(true);
                return "on time?";
            }, Duration.ofMillis(50), limit -> {
                endedAtExpiry.set(taskEnded.get());
                expired.countDown();
                return "timed out after " + limit.toMillis() + " ms, trace " + org.slf4j.MDC.get("traceId");
            });
        } finally {
            org.slf4j.MDC.remove("traceId");
        }

        assertThat(endedAtExpiry.get()).as("the expiry answer came while the task still ran").isFalse();
        assertThat(inline).isEqualTo(new TimeBudget.Inline.Expired<>("timed out after 50 ms, trace t-2"));
        assertThat(Thread.currentThread().isInterrupted()).as("the timer's interrupt is cleared").isFalse();
        releaser.join();
    }

    @Test
    void runHereInterruptsAnInterruptibleTaskAtItsLimit() {
        TimeBudget.Inline<String, String> inline = budget.runHere(() -> {
            new CountDownLatch(1).await();
            return "never";
        }, Duration.ofMillis(20), limit -> "504");

        assertThat(inline).isEqualTo(new TimeBudget.Inline.Expired<>("504"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void manyShortRunsHereLeaveNoInterruptBehind() {
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            assertThat(budget.runHere(() -> n, Duration.ofMillis(1), limit -> -1)).satisfiesAnyOf(
                    r -> assertThat(r).isEqualTo(new TimeBudget.Inline.Finished<>(new TimeBudget.Outcome.Completed<>(n))),
                    r -> assertThat(r).isEqualTo(new TimeBudget.Inline.Expired<>(-1)));
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }
}
