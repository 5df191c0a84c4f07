package io.orderhooks.engine.internal.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing keys kept in the store, so tokens (and their {@code kid}) stay valid across restarts and are shared by
 * every engine on the same database: the first engine to start generates the current key and inserts it atomically;
 * every later one (or a concurrent loser of that insert) loads it. {@link #rotate} makes a new current key and keeps
 * the old one's public half under {@code retired/{kid}} ({@code {"RetiredAt":..,"Key":{jwk}}}), so tokens it signed
 * are still verified (by every instance) until they expire. {@link #pruneRetired} deletes a retired key once no token
 * it signed can still be valid: its {@code RetiredAt} plus the longest token lifetime has passed. A retired key
 * stored without {@code RetiredAt} (by an engine before pruning existed) is stamped with the first pruning pass's
 * time, so it is kept for a whole lifetime from then.
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
    public static SigningKeys rotate(Store store, Clock clock) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        SigningKeys old = loadOrCreate(store);
        keys.put(RETIRED + old.keyID(), retired(old, clock.instant()));
        SigningKeys fresh = SigningKeys.generate();
        String[] replaced = {null};
        keys.update(CURRENT, cur -> {
            replaced[0] = cur;
            return fresh.privateJwkJson();
        });
        SigningKeys raced = SigningKeys.fromPrivateJwk(replaced[0]);
        if (!raced.keyID().equals(old.keyID())) {
            keys.put(RETIRED + raced.keyID(), retired(raced, clock.instant()));
        }
        return fresh;
    }

    /**
     * Deletes every retired key whose retirement plus {@code longestLifetime} is not after the clock's now (no token
     * it signed can still be valid), and stamps retired keys that have no retirement time with now. Run it under
     * the cluster-wide job lock ({@link SigningKeyPruning}).
     *
     * @return the {@code kid}s deleted
     */
    public static List<String> pruneRetired(Store store, Clock clock, Duration longestLifetime) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        Instant now = clock.instant();
        List<String> pruned = new ArrayList<>();
        for (String json : keys.listWithPrefix(RETIRED)) {
            JsonNode stored = parse(json);
            String kid = publicKey(stored).getKeyID();
            JsonNode retiredAt = stored.get("RetiredAt");
            if (retiredAt == null || !retiredAt.isTextual()) {
                keys.put(RETIRED + kid, retired(stored, now));
            } else if (!Instant.parse(retiredAt.asText()).plus(longestLifetime).isAfter(now)) {
                keys.delete(RETIRED + kid);
                pruned.add(kid);
            }
        }
        return pruned;
    }

    private static String retired(SigningKeys key, Instant at) {
        return retired(parse(key.publicJwkJson()), at);
    }

    /** The stored form of a retired key: {@code {"RetiredAt":"..","Key":{public jwk}}}. */
    private static String retired(JsonNode storedOrJwk, Instant at) {
        ObjectNode node = OrderCloudJson.mapper().createObjectNode().put("RetiredAt", at.toString());
        node.set("Key", storedOrJwk.has("Key") ? storedOrJwk.get("Key") : storedOrJwk);
        return node.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return OrderCloudJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored retired signing key is not JSON", e);
        }
    }

    /** The public key of a stored retired entry: the wrapped {@code Key}, or the whole entry (older form). */
    private static RSAKey publicKey(JsonNode stored) {
        JsonNode jwk = stored.has("Key") ? stored.get("Key") : stored;
        try {
            return RSAKey.parse(jwk.toString()).toPublicJWK();
        } catch (ParseException e) {
            throw new IllegalStateException("a stored retired signing key is not an RSA JWK: " + e.getMessage(), e);
        }
    }

    private static KeyRing.Snapshot snapshot(Store store) {
        Repository<String> keys = store.table(AuthTables.SIGNING_KEYS);
        SigningKeys current = SigningKeys.fromPrivateJwk(keys.find(CURRENT).orElseThrow());
        Map<String, RSAKey> byKid = new LinkedHashMap<>();
        for (String json : keys.listWithPrefix(RETIRED)) {
            RSAKey retired = publicKey(parse(json));
            byKid.put(retired.getKeyID(), retired);
        }
        byKid.put(current.keyID(), current.rsaKey().toPublicJWK());
        return new KeyRing.Snapshot(current, Map.copyOf(byKid));
    }
}
