package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two token services over one store stand for two engine instances on one database: they share the signing key,
 * and a rotation on one keeps every issued token valid on both while new tokens get the new {@code kid}.
 */
class SigningKeyRotationTest {

    static final String ISSUER = "http://cluster.test";

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final Store store = new InMemoryStore();
    final TokenService a = new TokenService(StoredSigningKeys.ring(store, clock), clock, ISSUER);
    final TokenService b = new TokenService(StoredSigningKeys.ring(store, clock), clock, ISSUER);
    final TokenService.Grant buyer = new TokenService.Grant("buyer01", "u1", "client-1",
            List.of("Shopper"), "buyer", "BUYER_ORG", null, null, false);

    @Test
    void instancesOnOneStoreShareTheKeyAndVerifyEachOthersTokens() {
        assertThat(a.keys().keyID()).isEqualTo(b.keys().keyID());
        assertThat(b.verify(a.issue(buyer, Duration.ofHours(1)).token()).username()).isEqualTo("buyer01");
        assertThat(a.verify(b.issue(buyer, Duration.ofHours(1)).token()).username()).isEqualTo("buyer01");
    }

    @Test
    void aRotationKeepsOldTokensValidOnEveryInstanceAndNewTokensUseTheNewKid() throws Exception {
        String oldKid = a.keys().keyID();
        String before = a.issue(buyer, Duration.ofHours(2)).token();

        SigningKeys rotated = StoredSigningKeys.rotate(store, clock);
        assertThat(rotated.keyID()).isNotEqualTo(oldKid);
        clock.advance(KeyRing.REFRESH);

        String after = b.issue(buyer, Duration.ofHours(1)).token();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(rotated.keyID());
        assertThat(a.verify(after).username()).as("A learns the new key").isEqualTo("buyer01");
        assertThat(b.verify(before).username()).as("the old kid still verifies").isEqualTo("buyer01");
        assertThat(a.publicJwk(oldKid)).hasValueSatisfying(jwk -> assertThat(jwk).containsEntry("kid", oldKid).doesNotContainKey("d"));
        assertThat(a.publicJwk(rotated.keyID())).isPresent();
    }

    @Test
    void aTokenOfAnUnknownKeyIsRefused() {
        String foreign = new TokenService(SigningKeys.generate(), clock, ISSUER).issue(buyer, Duration.ofHours(1)).token();
        clock.advance(KeyRing.MISS_INTERVAL);
        assertThatThrownBy(() -> a.verify(foreign)).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("InvalidToken");
            assertThat(e.getMessage()).contains("Access token signature is not valid");
        });
        assertThat(a.publicJwk("nope")).isEmpty();
    }
}
