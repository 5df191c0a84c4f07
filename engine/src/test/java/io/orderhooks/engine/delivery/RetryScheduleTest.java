package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultScheduleAllowsSixAttemptsOverItsFiveWaits() {
        assertThat(RetrySchedule.DEFAULT.maxAttempts()).isEqualTo(6);
        assertThat(RetrySchedule.DEFAULT.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    @Test
    void spreadsEachWaitByTheJitterFactor() {
        RetrySchedule s = RetrySchedule.of(0.2, Duration.ofSeconds(10));
        assertThat(s.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.delayAfter(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.delayAfter(1, () -> 0.999999)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
    }

    @Test
    void buildsExponentialWaits() {
        RetrySchedule s = RetrySchedule.exponential(Duration.ofSeconds(1), 3, 4, 0);
        assertThat(s.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(9),
                Duration.ofSeconds(27));
    }

    @Test
    void refusesAWaitAfterTheLastAttemptAndBadSettings() {
        RetrySchedule s = RetrySchedule.of(0, Duration.ofSeconds(1));
        assertThatThrownBy(() -> s.delayAfter(2, () -> 0.5)).hasMessage("no attempt follows attempt 2 of 2");
        assertThatThrownBy(() -> RetrySchedule.of(1.0)).hasMessage("jitter must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> RetrySchedule.of(0, Duration.ZERO)).hasMessage("delays must be positive, was PT0S");
    }
}
