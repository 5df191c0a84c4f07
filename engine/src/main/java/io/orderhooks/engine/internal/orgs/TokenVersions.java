package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;

/**
 * Per-user token versions ({@link Tables#USER_TOKEN_VERSIONS}): every access and refresh token carries the
 * version its user had when it was issued, and is refused once the version moved on. The version is bumped when
 * the user is deactivated, deleted, moved, changes password or roles, or revokes its tokens; it outlives the
 * user, so a later user with the same ID starts past every old token. Thread-safe (atomic store updates).
 */
public final class TokenVersions {

    private final Store store;

    public TokenVersions(Store store) {
        this.store = store;
    }

    /** The current version of {@code companyID/userID} (0 when never bumped). */
    public long current(String companyID, String userID) {
        if (companyID == null || userID == null) {
            return 0;
        }
        return table().find(Table.key(companyID, userID)).orElse(0L);
    }

    /** Invalidates every token issued so far to {@code companyID/userID}. */
    public void bump(String companyID, String userID) {
        String key = Table.key(companyID, userID);
        Repository<Long> t = table();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (t.find(key).isEmpty()) {
                try {
                    t.insert(key, 1L);
                    return;
                } catch (RuntimeException raced) {
                    continue;
                }
            }
            t.update(key, v -> v + 1);
            return;
        }
        throw new IllegalStateException("could not bump the token version of " + key);
    }

    /** Bumps every user of {@code companyID} (a role change granted to the whole company). */
    public void bumpCompany(String companyID) {
        store.table(Tables.USERS).listWithPrefix(companyID + "/").forEach(u -> bump(companyID, u.id()));
    }

    private Repository<Long> table() {
        return store.table(Tables.USER_TOKEN_VERSIONS);
    }
}
