package io.orderhooks.engine.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes resource IDs. Implementations are thread-safe. */
@FunctionalInterface
public interface IdGenerator {

    String next();

    /**
     * OrderCloud-like IDs: 16 random bytes as 22 characters of unpadded url-safe Base64. Each thread draws from its
     * own {@code DRBG} instance: one shared {@link SecureRandom} (the platform default reads {@code /dev/urandom}
     * under one process-wide lock) made every request thread that creates an order or a line queue behind the
     * others under load (JFR: waits of up to 500 ms on its monitor during the REST checkout run).
     */
    static IdGenerator random() {
        ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(IdGenerator::threadRandom);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return () -> {
            byte[] bytes = new byte[16];
            randoms.get().nextBytes(bytes);
            return encoder.encodeToString(bytes);
        };
    }

    /** A strong generator for one thread: the JDK's {@code DRBG}, else the platform default. */
    private static SecureRandom threadRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
