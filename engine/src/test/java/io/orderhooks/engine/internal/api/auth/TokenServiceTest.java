package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    static final SigningKeys KEYS = SigningKeys.generate();
    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final TokenService tokens = new TokenService(KEYS, clock, "http://localhost:8080");
    final TokenService.Grant buyer = new TokenService.Grant("buyer01", "u1", "client-1",
            List.of("Shopper", "MeAdmin"), "buyer", "BUYER_ORG", null, null, false);

    @Test
    void issuesAnRs256TokenWithOrderCloudsClaims() throws Exception {
        TokenService.Issued issued = tokens.issue(buyer, Duration.ofHours(10));
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEYS.keyID());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("usr")).isEqualTo("buyer01");
        assertThat(claims.getStringClaim("cid")).isEqualTo("client-1");
        assertThat(claims.getStringListClaim("role")).containsExactly("Shopper", "MeAdmin");
        assertThat(claims.getStringClaim("usrtype")).isEqualTo("buyer");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(claims.getAudience()).containsExactly("http://localhost:8080");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(10)));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getClaim("orderid")).isNull();
        assertThat(issued.expiresInSeconds(clock)).isEqualTo(36_000);
    }

    @Test
    void verifiesItsOwnTokenBackIntoClaims() {
        TokenService.Issued issued = tokens.issue(new TokenService.Grant("c", null, "client-1", List.of("Shopper"),
                "buyer", "BUYER_ORG", "order-7", "inv-3", false), Duration.ofMinutes(5));
        AccessClaims claims = tokens.verify(issued.token());
        assertThat(claims).isEqualTo(issued.claims());
        assertThat(claims.orderID()).isEqualTo("order-7");
        assertThat(claims.isGroupOrderContributor()).isTrue();
    }

    @Test
    void refusesAnExpiredTokenAtItsExpiryInstant() {
        String token = tokens.issue(buyer, Duration.ofMinutes(5)).token();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(tokens.verify(token).username()).isEqualTo("buyer01");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorCode()).isEqualTo("ExpiredToken");
        });
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceItExpiresAndAnotherTextOfItIsVerifiedAfresh() {
        String token = tokens.issue(buyer, Duration.ofMinutes(5)).token();
        assertThat(tokens.verify(token).username()).isEqualTo("buyer01");
        assertThat(tokens.verify(token).username()).isEqualTo("buyer01");
        String[] parts = token.split("\\.");
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1)))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("InvalidToken"));
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("ExpiredToken"));
    }

    @Test
    void refusesATokenSignedWithAnotherKeyOrTamperedOrMalformed() {
        String foreign = new TokenService(SigningKeys.generate(), clock, "http://localhost:8080")
                .issue(buyer, Duration.ofHours(1)).token();
        String mine = tokens.issue(buyer, Duration.ofHours(1)).token();
        String[] parts = mine.split("\\.");
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"Shopper\"", "\"FullAccess\"").getBytes());
        for (String bad : List.of(foreign, parts[0] + "." + elevated + "." + parts[2], "not-a-jwt", "")) {
            assertThatThrownBy(() -> tokens.verify(bad)).isInstanceOfSatisfying(OrderCloudException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.errorCode()).isEqualTo("InvalidToken");
            });
        }
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        String other = new TokenService(KEYS, clock, "https://elsewhere").issue(buyer, Duration.ofHours(1)).token();
        assertThatThrownBy(() -> tokens.verify(other)).hasMessageContaining("issued by https://elsewhere");
    }

    @Test
    void keysSurviveARoundTripThroughTheirPrivateJwk() {
        SigningKeys reloaded = SigningKeys.fromPrivateJwk(KEYS.privateJwkJson());
        String token = tokens.issue(buyer, Duration.ofHours(1)).token();
        assertThat(new TokenService(reloaded, clock, "http://localhost:8080").verify(token).username()).isEqualTo("buyer01");
        assertThat(KEYS.publicJwk()).containsEntry("kty", "RSA").containsEntry("kid", KEYS.keyID())
                .containsEntry("alg", "RS256").containsEntry("use", "sig").containsKeys("n", "e").doesNotContainKey("d");
    }

    @Test
    void refusesUnusableJwks() throws Exception {
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwk("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid RSA JWK");
        String publicOnly = com.nimbusds.jose.jwk.RSAKey.parse(KEYS.publicJwkJson()).toJSONString();
        assertThatThrownBy(() -> SigningKeys.fromPrivateJwk(publicOnly)).hasMessageContaining("no private part");
    }
}
