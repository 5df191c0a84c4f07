package io.orderhooks.engine.internal.api.auth;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The keys of a {@link TokenService}: the current one tokens are signed with, and every key (current and retired)
 * tokens are verified with, by {@code kid}. A ring over the store ({@link #stored}) re-reads the store at most every
 * {@link #REFRESH} for the current key, and at once (at most every {@link #MISS_INTERVAL}) when a token names a key
 * it does not know, so a rotation on any instance reaches the others without logging anyone out: tokens signed with
 * a retired key stay valid until they expire. Thread-safe.
 */
public final class KeyRing {

    /** How often a stored ring looks for a newer current key. */
    static final Duration REFRESH = Duration.ofSeconds(30);
    /** The least time between two store reads for unknown key IDs (a client sending random {@code kid}s costs little). */
    static final Duration MISS_INTERVAL = Duration.ofSeconds(1);

    /** What the store holds: the current key and every verification key by {@code kid} (the current one included). */
    record Snapshot(SigningKeys current, Map<String, RSAKey> byKid) {}

    private final Supplier<Snapshot> source;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant loadedAt;

    private KeyRing(Supplier<Snapshot> source, Clock clock) {
        this.source = source;
        this.clock = clock;
        this.snapshot = source.get();
        this.loadedAt = clock.instant();
    }

    /** One key, never rotated (tests, a key given in configuration). */
    public static KeyRing fixed(SigningKeys keys) {
        Objects.requireNonNull(keys, "keys");
        Snapshot only = new Snapshot(keys, Map.of(keys.keyID(), keys.rsaKey().toPublicJWK()));
        return new KeyRing(() -> only, Clock.systemUTC());
    }

    /** The keys in {@code keys} (see {@link StoredSigningKeys}), re-read as described above. */
    static KeyRing stored(Supplier<Snapshot> keys, Clock clock) {
        return new KeyRing(keys, clock);
    }

    /** The key new tokens are signed with. */
    public SigningKeys current() {
        if (!clock.instant().isBefore(loadedAt.plus(REFRESH))) {
            reload();
        }
        return snapshot.current();
    }

    /** The public key with ID {@code kid}, if it is current or retired. */
    public Optional<RSAKey> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        RSAKey known = snapshot.byKid().get(kid);
        if (known == null && !clock.instant().isBefore(loadedAt.plus(MISS_INTERVAL))) {
            reload();
            known = snapshot.byKid().get(kid);
        }
        return Optional.ofNullable(known);
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        if (now.isBefore(loadedAt.plus(MISS_INTERVAL))) {
            return;
        }
        this.snapshot = source.get();
        this.loadedAt = now;
    }
}
