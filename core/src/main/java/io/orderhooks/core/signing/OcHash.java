package io.orderhooks.core.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OrderCloud's {@code X-oc-hash}: standard padded Base64 of HMAC-SHA256 keyed with the UTF-8 bytes of
 * the hash key, over the exact body bytes.
 *
 * <p>Verification compares in constant time ({@link MessageDigest#isEqual}) and accepts any of several
 * keys, so a key can be rotated without downtime. A missing or empty header, a header that is not Base64,
 * or no usable key is a failed verification, never an exception. Instances are immutable and thread-safe.
 */
public final class OcHash {

    /** The header OrderCloud signs with. Header names are case-insensitive on the wire. */
    public static final String HEADER = "X-oc-hash";

    private static final String ALGORITHM = "HmacSHA256";

    /**
     * One {@link Mac} per thread, re-keyed for each use: {@link Mac#getInstance} looks the provider up on every
     * call, which cost more than the HMAC itself for a typical body. A {@code Mac} is not thread-safe, and
     * {@link Mac#init} fully resets it, so a thread's instance never carries state from one call to the next.
     */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(OcHash::newMac);

    private final List<SecretKeySpec> keys;

    private OcHash(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * A verifier accepting a signature made with any of {@code hashKeys}. Blank keys are refused: an
     * empty key would make every signature forgeable.
     *
     * @throws IllegalArgumentException if no key is given or one is null or blank
     */
    public static OcHash withKeys(List<String> hashKeys) {
        Objects.requireNonNull(hashKeys, "hashKeys");
        if (hashKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one hash key is required");
        }
        List<SecretKeySpec> specs = hashKeys.stream().map(OcHash::keySpec).toList();
        return new OcHash(specs);
    }

    /** A verifier for one key. */
    public static OcHash withKey(String hashKey) {
        return withKeys(List.of(hashKey));
    }

    /** The {@code X-oc-hash} value for {@code body} under {@code hashKey}. */
    public static String sign(String hashKey, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(keySpec(hashKey), body));
    }

    /** Signs with the first (current) key of this verifier. */
    public String sign(byte[] body) {
        return Base64.getEncoder().encodeToString(mac(keys.get(0), body));
    }

    /**
     * Whether {@code header} is a valid signature of exactly {@code body} under one of the keys. Every key
     * is tried, so the time taken does not depend on which one matched.
     */
    public boolean verify(byte[] body, String header) {
        if (body == null || header == null || header.isBlank()) {
            return false;
        }
        byte[] presented;
        String trimmed = header.trim();
        try {
            presented = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // The JDK decoder ignores non-zero padding bits, so "...ByF=" decodes like "...ByE=": accept only the
        // canonical encoding (the header is public, so this comparison need not be constant-time).
        if (!Base64.getEncoder().encodeToString(presented).equals(trimmed)) {
            return false;
        }
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            matched |= MessageDigest.isEqual(mac(key, body), presented);
        }
        return matched;
    }

    /** How many keys this verifier accepts. */
    public int keyCount() {
        return keys.size();
    }

    private static SecretKeySpec keySpec(String hashKey) {
        if (hashKey == null || hashKey.isBlank()) {
            throw new IllegalArgumentException("hash key must not be null or blank");
        }
        return new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
        Mac mac = MACS.get();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused its key", e);
        }
        return mac.doFinal(body);
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
