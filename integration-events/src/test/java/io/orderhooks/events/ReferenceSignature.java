package io.orderhooks.events;

import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OrderCloud's reference {@code X-oc-hash} algorithm written out independently of {@code OcHash}:
 * Base64(HMAC-SHA256(UTF-8 key, raw body)), as the .NET catalyst computes it.
 */
final class ReferenceSignature {

    private ReferenceSignature() {}

    static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
