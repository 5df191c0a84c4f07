package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserClaimsTest {

    /** An unsecured JWT whose payload is {@code claimsJson}, as any JOSE library writes it. */
    static String token(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void decodesOrderCloudClaimsWithRolesAsAnArray() {
        String jwt = token("""
                {"usr":"kim","u":"db-9","cid":"client-1","role":["Shopper","MeAdmin"],"usrtype":"buyer",
                 "orderid":"anon-1","exp":%d}""".formatted(Instant.parse("2026-01-01T10:00:00Z").getEpochSecond()));

        UserClaims claims = UserClaims.decode(jwt);

        assertThat(claims).isEqualTo(new UserClaims("kim", "db-9", "client-1", List.of("Shopper", "MeAdmin"), "buyer",
                "anon-1", null, Instant.parse("2026-01-01T10:00:00Z")));
        assertThat(claims.hasRole("Shopper")).isTrue();
        assertThat(claims.hasRole("shopper")).isFalse();
        assertThat(claims.isPresent()).isTrue();
    }

    @Test
    void readsASingleRoleGivenAsAString() {
        UserClaims claims = UserClaims.decode(token("{\"role\":\"FullAccess\"}"));

        assertThat(claims.roles()).containsExactly("FullAccess");
    }

    @Test
    void decodesASignedTokenWithoutVerifyingIt() {
        // header {"alg":"RS256","kid":"k"}, payload {"usr":"admin","usrtype":"admin"}, a signature nobody checks
        String jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJ1c3IiOiJhZG1pbiIsInVzcnR5cGUiOiJhZG1pbiJ9.c2lnbmF0dXJl";

        UserClaims claims = UserClaims.decode(jwt);

        assertThat(claims.username()).isEqualTo("admin");
        assertThat(claims.userType()).isEqualTo("admin");
        assertThat(claims.roles()).isEmpty();
    }

    @Test
    void anAbsentOrMalformedTokenYieldsEmptyClaims() {
        assertThat(UserClaims.decode(null)).isEqualTo(UserClaims.empty());
        assertThat(UserClaims.decode("  ")).isEqualTo(UserClaims.empty());
        assertThat(UserClaims.decode("not-a-jwt")).isEqualTo(UserClaims.empty());
        assertThat(UserClaims.decode("eyJhbGciOiJSUzI1NiJ9.e30.sig").isPresent()).isFalse();
        assertThat(UserClaims.empty().roles()).isEmpty();
    }

    @Test
    void anEncryptedTokenOrAPayloadThatIsNotAnObjectYieldsEmptyClaims() {
        assertThat(UserClaims.decode("eyJhbGciOiJSU0EtT0FFUCJ9.a2V5.aXY.Y2lwaGVy.dGFn")).isEqualTo(UserClaims.empty());
        assertThat(UserClaims.decode(token("[1,2]"))).isEqualTo(UserClaims.empty());
    }

    @Test
    void theTestKitTokenDecodesToTheSameClaims() {
        UserClaims claims = new UserClaims("pat", "db-1", "storefront", List.of("Shopper"), "buyer", null, "db-2",
                Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(UserClaims.decode(claims.toUnsignedToken())).isEqualTo(claims);
    }
}
