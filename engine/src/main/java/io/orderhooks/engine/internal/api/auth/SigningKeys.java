package io.orderhooks.engine.internal.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The RSA key pair access tokens are signed with (RS256), and its public half as a JWK for
 * {@code GET /oauth/certs/{kid}}. Generated at start, or loaded from a private JWK (JSON) given in
 * configuration so tokens survive a restart. Immutable and thread-safe.
 */
public final class SigningKeys {

    private static final int KEY_BITS = 2048;

    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    /** A fresh 2048-bit key pair with a random key ID. */
    public static SigningKeys generate() {
        try {
            return new SigningKeys(new RSAKeyGenerator(KEY_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /**
     * Keys from a private RSA JWK in JSON (with {@code d}, and a {@code kid}).
     *
     * @throws IllegalArgumentException naming what is wrong with the JWK
     */
    public static SigningKeys fromPrivateJwk(String json) {
        Objects.requireNonNull(json, "json");
        RSAKey parsed;
        try {
            parsed = RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("signing key is not a valid RSA JWK: " + e.getMessage(), e);
        }
        if (!parsed.isPrivate()) {
            throw new IllegalArgumentException("signing key JWK has no private part (d)");
        }
        if (parsed.getKeyID() == null || parsed.getKeyID().isBlank()) {
            throw new IllegalArgumentException("signing key JWK needs a kid");
        }
        return new SigningKeys(parsed);
    }

    public String keyID() {
        return key.getKeyID();
    }

    /** The public JWK as a JSON object: {@code kty, e, n, kid, use, alg}. */
    public Map<String, Object> publicJwk() {
        return key.toPublicJWK().toJSONObject();
    }

    /** The private JWK in JSON, to store in configuration. Treat as a secret. */
    public String privateJwkJson() {
        return key.toJSONString();
    }

    /** The public JWK in JSON. */
    public String publicJwkJson() {
        return key.toPublicJWK().toJSONString();
    }

    RSAKey rsaKey() {
        return key;
    }
}
