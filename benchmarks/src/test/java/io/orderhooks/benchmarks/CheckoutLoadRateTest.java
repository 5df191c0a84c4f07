package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the warm-up counts the checkout rate as settled: the last window at most 3 % above the one before. */
class CheckoutLoadRateTest {

    @Test
    void aRateStillRisingIsNotSettledAFlatOrFallingOneIs() {
        assertThat(CheckoutLoad.RateWatch.steady(1_000, 7_000, 13_000)).isTrue();   // 6,000 then 6,000
        assertThat(CheckoutLoad.RateWatch.steady(1_000, 7_000, 13_180)).isTrue();   // +3 %
        assertThat(CheckoutLoad.RateWatch.steady(1_000, 7_000, 13_181)).isFalse();  // just over 3 %
        assertThat(CheckoutLoad.RateWatch.steady(1_000, 7_000, 13_900)).isFalse();  // +15 %: PostgreSQL at 3 min
        assertThat(CheckoutLoad.RateWatch.steady(1_000, 7_000, 11_000)).isTrue();   // falling
    }

    @Test
    void withoutAWindowTheRateIsNotWatched() {
        assertThat(CheckoutLoad.RateWatch.start(0).steady()).isTrue();
        assertThat(CheckoutLoad.RateWatch.start(60).steady()).isFalse(); // no two windows seen yet
    }
}
