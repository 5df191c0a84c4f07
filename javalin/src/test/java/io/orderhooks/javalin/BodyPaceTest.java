package io.orderhooks.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyPaceTest {

    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;

    /** The defaults: 20 s deadline, 256 bytes/s after a 5 s grace. */
    final BodyPace pace = BodyPace.of(ServerLimits.DEFAULTS);

    @Test
    void theFirstCheckIsAtTheGracePeriodOrAtTheDeadlineWhenTheRateIsOff() {
        assertThat(pace.firstCheck()).isEqualTo(5 * S);
        assertThat(new BodyPace(20 * S, 0, 5 * S).firstCheck()).isEqualTo(20 * S);
        assertThat(new BodyPace(2 * S, 256, 5 * S).firstCheck()).isEqualTo(2 * S);
    }

    @Test
    void aBodyKeepingUpWithTheAverageRateSinceTheHeadersIsNotRefused() {
        assertThat(pace.check(5 * S, 1_280)).isNull();
        assertThat(pace.check(10 * S, 2_560)).isNull();
        assertThat(pace.check(19 * S, 1_000_000)).isNull();
    }

    @Test
    void nothingIsRefusedForRateDuringTheGracePeriod() {
        assertThat(pace.check(4_999 * MS, 0)).isNull();
    }

    @Test
    void aBodyBelowTheRateAfterTheGracePeriodIsRefusedAsTooSlow() {
        BodyPace.Refusal refusal = pace.check(5 * S, 1_279);
        assertThat(refusal).isEqualTo(new BodyPace.Refusal("Request.BodyTooSlow",
                "The request body arrived slower than 256 bytes/s (1279 bytes in 5 s)"));
        assertThat(pace.check(10_500 * MS, 2_000).message())
                .isEqualTo("The request body arrived slower than 256 bytes/s (2000 bytes in 10.5 s)");
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIsRefusedAsTimedOutHoweverFast() {
        assertThat(pace.check(20 * S, Long.MAX_VALUE)).isEqualTo(new BodyPace.Refusal("Request.Timeout",
                "The request body was not received within 20 s"));
        assertThat(new BodyPace(1500 * MS, 0, S).check(1500 * MS, 0).message())
                .isEqualTo("The request body was not received within 1.5 s");
    }

    @Test
    void theNextCheckIsWhenTheBytesSoFarStopBeingEnough() {
        assertThat(pace.nextCheck(5 * S, 2_560)).isEqualTo(10 * S);
        assertThat(pace.nextCheck(5 * S, 1_280)).as("at least 100 ms later").isEqualTo(5 * S + 100 * MS);
        assertThat(pace.nextCheck(5 * S, 1_000_000)).as("never after the deadline").isEqualTo(20 * S);
        assertThat(new BodyPace(20 * S, 0, 5 * S).nextCheck(3 * S, 10)).isEqualTo(20 * S);
    }

    @Test
    void largeCountsAndRatesNeverOverflow() {
        BodyPace fast = new BodyPace(20 * S, Long.MAX_VALUE / 2, S);
        assertThat(fast.required(19 * S)).isEqualTo(Long.MAX_VALUE);
        assertThat(fast.check(2 * S, Long.MAX_VALUE)).isNull();
        assertThat(pace.check(6 * S, 20_000_000_000L)).as("20 GB received").isNull();
        assertThat(pace.nextCheck(6 * S, 20_000_000_000L)).isEqualTo(20 * S);
    }
}
