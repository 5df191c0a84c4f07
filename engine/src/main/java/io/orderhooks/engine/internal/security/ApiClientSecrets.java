package io.orderhooks.engine.internal.security;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApiClientSecret;
import io.orderhooks.core.model.ApiClientSecretCreateResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An API client's additional secrets ({@code v1/apiclients/{id}/secrets}), next to its {@code ClientSecret}, so a
 * secret can be rotated without downtime. A secret is 32 random bytes (base64url), shown once when created; only
 * its SHA-256 is stored. The token endpoint accepts any secret of the client whose {@code Expiration} is absent or
 * still ahead ({@link #matches}). Seller only; thread-safe.
 */
public final class ApiClientSecrets {

    /** A stored secret: the wire fields and the SHA-256 (hex) of the secret. */
    public record Stored(String id, String name, OffsetDateTime expiration, String sha256) {
        ApiClientSecret view() {
            return new ApiClientSecret(id, name, expiration);
        }
    }

    /** key {@code apiClientID/secretID}. */
    public static final Table<Stored> TABLE = Table.of("apiclientsecrets", Stored.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineContext ctx;

    public ApiClientSecrets(EngineContext ctx) {
        this.ctx = ctx;
    }

    public List<ApiClientSecret> list(Caller caller, String clientID) {
        requireClient(caller, clientID);
        return ctx.store().table(TABLE).listWithPrefix(clientID + "/").stream().map(Stored::view).toList();
    }

    /** Creates a secret; {@code Expiration}, when given, must be in the future (400 {@code ValidationFailure}). */
    public ApiClientSecretCreateResponse create(Caller caller, String clientID, ApiClientSecret body) {
        requireClient(caller, clientID);
        requireFuture(body.expiration());
        String id = body.id() == null || body.id().isBlank() ? ctx.ids().next() : body.id();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ctx.store().table(TABLE).save(Table.key(clientID, id), new Stored(id, body.name(), body.expiration(), sha256(secret)), true,
                "ApiClientSecret", id);
        return new ApiClientSecretCreateResponse(secret, id, body.name(), body.expiration());
    }

    public ApiClientSecret get(Caller caller, String clientID, String secretID) {
        return find(caller, clientID, secretID).view();
    }

    /** Changes {@code Name} and {@code Expiration} (the secret and its ID stay). */
    public ApiClientSecret patch(Caller caller, String clientID, String secretID, UnaryOperator<ApiClientSecret> change) {
        Stored s = find(caller, clientID, secretID);
        ApiClientSecret next = change.apply(s.view());
        if (next.id() != null && !next.id().equals(secretID)) {
            throw OrderCloudException.validation("ID cannot be changed: the path names " + secretID + ", the body " + next.id());
        }
        if (next.expiration() != null && !next.expiration().equals(s.expiration())) {
            requireFuture(next.expiration());
        }
        Stored stored = new Stored(secretID, next.name(), next.expiration(), s.sha256());
        ctx.store().table(TABLE).put(Table.key(clientID, secretID), stored);
        return stored.view();
    }

    public void delete(Caller caller, String clientID, String secretID) {
        find(caller, clientID, secretID);
        ctx.store().table(TABLE).delete(Table.key(clientID, secretID));
    }

    /** Forgets every secret of a deleted client, so a new client with its ID does not inherit them. */
    public void deleteAll(String clientID) {
        ctx.store().table(TABLE).listWithPrefix(clientID + "/").forEach(x -> ctx.store().table(TABLE).delete(Table.key(clientID, x.id())));
    }

    /** Whether {@code secret} is one of the client's unexpired additional secrets (constant-time compare). */
    public boolean matches(String clientID, String secret) {
        if (secret == null) {
            return false;
        }
        byte[] presented = sha256(secret).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (Stored s : ctx.store().table(TABLE).listWithPrefix(clientID + "/")) {
            boolean active = s.expiration() == null || ctx.now().isBefore(s.expiration());
            found |= active & MessageDigest.isEqual(presented, s.sha256().getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }

    private Stored find(Caller caller, String clientID, String secretID) {
        requireClient(caller, clientID);
        return ctx.store().table(TABLE).find(Table.key(clientID, secretID)).orElseThrow(() -> Errors.notFound("ApiClientSecret", secretID));
    }

    private void requireClient(Caller caller, String clientID) {
        Errors.requireSeller(caller);
        ctx.store().table(Tables.API_CLIENTS).find(clientID).orElseThrow(() -> Errors.notFound("ApiClient", clientID));
    }

    private void requireFuture(OffsetDateTime expiration) {
        if (expiration != null && !expiration.isAfter(ctx.now())) {
            throw OrderCloudException.validation("Expiration must be in the future, was " + expiration);
        }
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
