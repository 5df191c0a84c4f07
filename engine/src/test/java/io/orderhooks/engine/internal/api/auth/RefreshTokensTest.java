package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final RefreshTokens refresh = new RefreshTokens(clock);
    final TokenService.Grant grant = new TokenService.Grant("buyer01", "u1", "client-1", List.of("Shopper"),
            "buyer", "B", null, null, false);

    @Test
    void redeemsOnceWithinItsLifetime() {
        String token = refresh.issue(grant, Duration.ofDays(1));
        assertThat(refresh.redeem(token)).contains(grant);
        assertThat(refresh.redeem(token)).isEmpty();
    }

    @Test
    void expiresAtTheEndOfItsLifetime() {
        String token = refresh.issue(grant, Duration.ofDays(1));
        clock.advance(Duration.ofDays(1));
        assertThat(refresh.redeem(token)).isEmpty();
    }

    @Test
    void revokingAUserForgetsTheirTokensOnly() {
        String mine = refresh.issue(grant, Duration.ofDays(1));
        String theirs = refresh.issue(new TokenService.Grant("b2", "u2", "client-1", List.of(), "buyer", "B", null, null, false),
                Duration.ofDays(1));
        refresh.revokeUser("client-1", "u1");
        assertThat(refresh.redeem(mine)).isEmpty();
        assertThat(refresh.redeem(theirs)).isPresent();
        assertThat(refresh.redeem(null)).isEmpty();
    }
}
