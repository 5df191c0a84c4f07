package io.orderhooks.core.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
}
