package io.orderhooks.engine.internal.api.auth;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;

/**
 * The signing key kept in the store, so tokens (and their {@code kid}) stay valid across restarts and are shared by
 * every engine on the same database: the first engine to start generates it and inserts it atomically; every later
 * one (or a concurrent loser of that insert) loads it.
 */
public final class StoredSigningKeys {

    static final String CURRENT = "current";

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
}
