package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static AccessClaims claims(String id, Instant expiresAt) {
        return new AccessClaims(id, "buyer01", "u1", "client-1", List.of("Shopper"), "buyer", "BUYER_ORG",
                "http://localhost", "http://localhost", NOW.minusSeconds(60), expiresAt, null, null, false);
    }

    @Test
    void remembersTheClaimsOfATokenByItsExactText() {
        VerifiedTokens tokens = new VerifiedTokens();
        AccessClaims claims = claims("t1", NOW.plusSeconds(60));
        tokens.put("a.b.c", claims, NOW);
        assertThat(tokens.get("a.b.c")).isSameAs(claims);
        assertThat(tokens.get("a.b.d")).isNull();
    }

    @Test
    void whenFullDropsExpiredTokensFirstAndEverythingOnlyIfThatIsNotEnough() {
        VerifiedTokens tokens = new VerifiedTokens();
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES - 1; i++) {
            tokens.put("expired-" + i, claims("e" + i, NOW), NOW);
        }
        tokens.put("live", claims("live", NOW.plusSeconds(60)), NOW);
        tokens.put("new", claims("new", NOW.plusSeconds(60)), NOW);
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.get("live")).isNotNull();

        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.put("live-" + i, claims("l" + i, NOW.plusSeconds(60)), NOW);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
    }
}
