package io.orderhooks.engine.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes resource IDs. Implementations are thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    String next();

    /** OrderCloud-like IDs: 16 random bytes as 22 characters of unpadded url-safe Base64. */
    static IdGenerator random() {
        SecureRandom random = new SecureRandom();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return encoder.encodeToString(bytes);
        };
    }
}
