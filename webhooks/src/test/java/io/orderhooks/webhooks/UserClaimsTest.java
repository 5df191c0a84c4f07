package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserClaimsTest {

    static String token(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    @Test
    void decodesOrderCloudClaimsWithRolesAsAnArray() {
        String jwt = token(new JWTClaimsSet.Builder().claim("usr", "kim").claim("u", "db-9").claim("cid", "client-1")
                .claim("role", List.of("Shopper", "MeAdmin")).claim("usrtype", "buyer").claim("orderid", "anon-1")
                .expirationTime(Date.from(Instant.parse("2026-01-01T10:00:00Z"))).build());

        UserClaims claims = UserClaims.decode(jwt);

        assertThat(claims).isEqualTo(new UserClaims("kim", "db-9", "client-1", List.of("Shopper", "MeAdmin"), "buyer",
                "anon-1", null, Instant.parse("2026-01-01T10:00:00Z")));
        assertThat(claims.hasRole("Shopper")).isTrue();
        assertThat(claims.hasRole("shopper")).isFalse();
        assertThat(claims.isPresent()).isTrue();
    }

    @Test
    void readsASingleRoleGivenAsAString() {
        UserClaims claims = UserClaims.decode(token(new JWTClaimsSet.Builder().claim("role", "FullAccess").build()));

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
}
