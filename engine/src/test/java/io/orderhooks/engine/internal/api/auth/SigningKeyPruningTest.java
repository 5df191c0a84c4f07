package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.internal.store.JobLock;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Retired signing keys are deleted once no token they signed can still be valid: their retirement time plus the
 * longest token lifetime (the stored API clients' longest {@code AccessTokenDuration}, at least 600 minutes), by the
 * injected clock, in a pass that runs under the cluster-wide job lock.
 */
class SigningKeyPruningTest {

    static final String ISSUER = "http://cluster.test";

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final Store store = new InMemoryStore();
    final TokenService tokens = new TokenService(StoredSigningKeys.ring(store, clock), clock, ISSUER);
    final TokenService.Grant buyer = new TokenService.Grant("buyer01", "u1", "client-1",
            List.of("Shopper"), "buyer", "BUYER_ORG", null, null, false);

    @Test
    void aRetiredKeyIsKeptWhileATokenItSignedCanBeValidAndDeletedAfter() {
        String oldKid = tokens.keys().keyID();
        String lastOldToken = tokens.issue(buyer, SigningKeyPruning.FLOOR).token();
        StoredSigningKeys.rotate(store, clock);

        clock.advance(SigningKeyPruning.FLOOR.minusSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).isEmpty();
        assertThat(tokens.verify(lastOldToken).username()).as("still valid, still verifiable").isEqualTo("buyer01");

        clock.advance(Duration.ofSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).containsExactly(oldKid);
        clock.advance(KeyRing.REFRESH);
        String currentKid = tokens.keys().keyID();
        assertThat(tokens.publicJwk(oldKid)).as("gone at the ring's next reload").isEmpty();
        assertThat(tokens.publicJwk(currentKid)).as("the current key stays").isPresent();
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).isEmpty();
    }

    @Test
    void aClientWithLongerTokensKeepsRetiredKeysForItsLifetime() {
        store.table(Tables.API_CLIENTS).insert("long", ApiClient.builder().id("long").accessTokenDuration(1440).build());
        String oldKid = tokens.keys().keyID();
        StoredSigningKeys.rotate(store, clock);

        assertThat(SigningKeyPruning.longestTokenLifetime(store)).isEqualTo(Duration.ofHours(24));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).containsExactly(oldKid);
    }

    @Test
    void aRetiredKeyStoredWithoutItsRetirementTimeIsKeptALifetimeFromTheFirstPass() {
        SigningKeys legacy = SigningKeys.generate();
        store.table(AuthTables.SIGNING_KEYS).put(StoredSigningKeys.RETIRED + legacy.keyID(), legacy.publicJwkJson());
        clock.advance(KeyRing.REFRESH);
        assertThat(tokens.publicJwk(legacy.keyID())).as("the older form is still read").isPresent();

        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).as("stamped now, not deleted").isEmpty();
        clock.advance(SigningKeyPruning.FLOOR.minusSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(SigningKeyPruning.runOnce(store, clock, JobLock.LOCAL)).containsExactly(legacy.keyID());
    }

    @Test
    void aPassSkippedBecauseAnotherInstanceHoldsTheJobDeletesNothing() {
        StoredSigningKeys.rotate(store, clock);
        clock.advance(Duration.ofDays(30));
        JobLock heldElsewhere = new JobLock() {
            @Override
            public <R> Optional<R> runExclusively(String job, Supplier<R> work) {
                assertThat(job).isEqualTo(SigningKeyPruning.JOB);
                return Optional.empty();
            }

            @Override
            public <R> R runSerialized(String job, Supplier<R> work) {
                throw new AssertionError("pruning never waits for the lock");
            }
        };

        assertThat(SigningKeyPruning.runOnce(store, clock, heldElsewhere)).isEmpty();
        assertThat(store.table(AuthTables.SIGNING_KEYS).listWithPrefix(StoredSigningKeys.RETIRED)).hasSize(1);
    }
}
