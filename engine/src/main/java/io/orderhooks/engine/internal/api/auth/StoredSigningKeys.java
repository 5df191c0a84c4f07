package io.orderhooks.engine.internal.api.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signing keys kept in the store, so tokens (and their {@code kid}) stay valid across restarts and are shared by
 * every engine on the same database: the first engine to start generates the current key and inserts it atomically;
 * every later one (or a concurrent loser of that insert) loads it. {@link #rotate} makes a new current key and keeps
 * the old one's public half under {@code retired/{kid}}, so tokens it signed are still verified (by every instance)
 * until they expire. Retired keys are kept; there is one per rotation.
 */
public final class StoredSigningKeys {

    static final String CURRENT = "current";
    static final String RETIRED = "retired/";

    private StoredSigningKeys() {
    }

    /** The store's signing key, generated and stored on first use. */
    public static SigningKeys loadOrCreate(Store store) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        var stored = keys.find(CURRENT);
        if (stored.isPresent()) {
            return SigningKeys.fromPrivateJwk(stored.get());
        }
        SigningKeys fresh = SigningKeys.generate();
        try {
            keys.insert(CURRENT, fresh.privateJwkJson());
            return fresh;
        } catch (OrderCloudException raced) {
            if (!"IdExists".equals(raced.errorCode())) {
                throw raced;
            }
            return SigningKeys.fromPrivateJwk(keys.find(CURRENT).orElseThrow());
        }
    }

    /** A {@link KeyRing} over the store's keys (the current one created when missing). */
    public static KeyRing ring(Store store, Clock clock) {
        loadOrCreate(store);
        return KeyRing.stored(() -> snapshot(store), clock);
    }

    /**
     * Makes a new current key; the replaced one is kept for verification. Tokens already issued stay valid on every
     * instance; instances sign with the new key within {@link KeyRing#REFRESH}.
     *
     * @return the new current key
     */
    public static SigningKeys rotate(Store store) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        SigningKeys old = loadOrCreate(store);
        keys.put(RETIRED + old.keyID(), old.publicJwkJson());
        SigningKeys fresh = SigningKeys.generate();
        String[] replaced = {null};
        keys.update(CURRENT, cur -> {
            replaced[0] = cur;
            return fresh.privateJwkJson();
        });
        SigningKeys raced = SigningKeys.fromPrivateJwk(replaced[0]);
        if (!raced.keyID().equals(old.keyID())) {
            keys.put(RETIRED + raced.keyID(), raced.publicJwkJson());
        }
        return fresh;
    }

    private static KeyRing.Snapshot snapshot(Store store) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        SigningKeys current = SigningKeys.fromPrivateJwk(keys.find(CURRENT).orElseThrow());
        Map<String, RSAKey> byKid = new LinkedHashMap<>();
        for (String json : keys.listWithPrefix(RETIRED)) {
            try {
                RSAKey retired = RSAKey.parse(json);
                byKid.put(retired.getKeyID(), retired.toPublicJWK());
            } catch (ParseException e) {
                throw new IllegalStateException("a stored retired signing key is not an RSA JWK: " + e.getMessage(), e);
            }
        }
        byKid.put(current.keyID(), current.rsaKey().toPublicJWK());
        return new KeyRing.Snapshot(current, Map.copyOf(byKid));
    }
}
