package io.orderhooks.core.receiver;

import io.orderhooks.core.signing.OcHash;
import java.util.List;
import java.util.Objects;

/**
 * How a receiver authenticates OrderCloud's calls: by {@code X-oc-hash} under one of a set of keys, or,
 * only when explicitly chosen, not at all ({@link #unsignedUnsafe()}: anyone who can reach the URL can
 * then call the handler).
 */
public sealed interface SignaturePolicy {

    /** Accept a signature under any of {@code hashKeys} (the first is current; the rest are for rotation). */
    static SignaturePolicy keys(String... hashKeys) {
        return new Signed(OcHash.withKeys(List.of(hashKeys)));
    }

    static SignaturePolicy keys(List<String> hashKeys) {
        return new Signed(OcHash.withKeys(hashKeys));
    }

    /** Accept unsigned requests. Unsafe outside tests and local demos. */
    static SignaturePolicy unsignedUnsafe() {
        return Unsigned.INSTANCE;
    }

    /** Whether {@code body} is accepted with {@code header} as its {@code X-oc-hash}. */
    boolean accepts(byte[] body, String header);

    /** Requests must carry a valid {@code X-oc-hash}. */
    record Signed(OcHash hash) implements SignaturePolicy {
        public Signed {
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public boolean accepts(byte[] body, String header) {
            return hash.verify(body, header);
        }
    }

    /** Every request is accepted. */
    enum Unsigned implements SignaturePolicy {
        INSTANCE;

        @Override
        public boolean accepts(byte[] body, String header) {
            return true;
        }
    }
}
