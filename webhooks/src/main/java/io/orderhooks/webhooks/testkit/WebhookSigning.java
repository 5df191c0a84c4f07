package io.orderhooks.webhooks.testkit;

import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.signing.OcHash;

/** Signs webhook bodies as OrderCloud does, for tests and senders. Stateless. */
public final class WebhookSigning {

    private WebhookSigning() {}

    /** The {@code X-oc-hash} of {@code body} under {@code hashKey}. */
    public static String sign(String hashKey, byte[] body) {
        return OcHash.sign(hashKey, body);
    }

    /** {@code Content-Type: application/json} and {@code X-oc-hash} for {@code body}. */
    public static HttpHeaders headers(String hashKey, byte[] body) {
        return HttpHeaders.of("Content-Type", "application/json", OcHash.HEADER, sign(hashKey, body));
    }

    /** A POST to {@code /} carrying {@code body}, signed with {@code hashKey}. */
    public static RawRequest signedRequest(String hashKey, byte[] body) {
        return RawRequest.post("/", headers(hashKey, body), body);
    }

    /** A POST to {@code /} carrying {@code body} with a JSON content type and no signature. */
    public static RawRequest unsignedRequest(byte[] body) {
        return RawRequest.post("/", HttpHeaders.of("Content-Type", "application/json"), body);
    }
}
