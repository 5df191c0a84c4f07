package io.orderhooks.core.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.signing.OcHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestGuardTest {

    final byte[] body = "{\"Order\":{\"ID\":\"o1\"}}".getBytes(StandardCharsets.UTF_8);
    final RequestGuard guard = new RequestGuard(64);
    final SignaturePolicy keys = SignaturePolicy.keys("k1");

    RawRequest request(byte[] b, String contentType, String hash) {
        HttpHeaders h = hash == null ? HttpHeaders.of("Content-Type", contentType)
                : HttpHeaders.of("Content-Type", contentType, "x-OC-HASH", hash);
        return RawRequest.post("/ordercalculate", h, b);
    }

    @Test
    void passesASignedJsonRequestWithinTheLimit() {
        assertThat(guard.check(request(body, "application/json; charset=utf-8", OcHash.sign("k1", body)), keys)).isEmpty();
    }

    @Test
    void answers413BeforeAnythingElse() {
        RawResponse r = guard.check(request(new byte[65], "text/plain", null), keys).orElseThrow();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.bodyText()).contains("\"ErrorCode\":\"Request.TooLarge\"").contains("64 bytes");
    }

    @Test
    void answers415ForANonJsonContentType() {
        RawResponse r = guard.check(request(body, "text/plain", OcHash.sign("k1", body)), keys).orElseThrow();
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.bodyText()).contains("Request.InvalidContentType").contains("text/plain");
        assertThat(guard.check(request(body, "application/vnd.oc+json", OcHash.sign("k1", body)), keys)).isEmpty();
    }

    @Test
    void recognisesJsonContentTypesInAnyCaseWithParametersAndNothingElse() {
        assertThat(RequestGuard.isJson("Application/JSON ; charset=UTF-8")).isTrue();
        assertThat(RequestGuard.isJson(" application/problem+JSON")).isTrue();
        assertThat(RequestGuard.isJson("application/json-seq")).isFalse();
        assertThat(RequestGuard.isJson("text/json")).isFalse();
        assertThat(RequestGuard.isJson("application/xml;x=+json")).isFalse();
        assertThat(RequestGuard.isJson("json")).isFalse();
        assertThat(RequestGuard.isJson("")).isFalse();
    }

    @Test
    void answers401WithCatalystsMessageForABadOrMissingHash() {
        for (String hash : new String[] {null, "", OcHash.sign("k2", body)}) {
            RawResponse r = guard.check(request(body, "application/json", hash), keys).orElseThrow();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.bodyText()).isEqualTo("{\"Errors\":[{\"ErrorCode\":\"Unauthorized\",\"Message\":\""
                    + ReceiverErrors.UNAUTHORIZED_MESSAGE + "\",\"Data\":null}]}");
        }
    }

    @Test
    void theUnsafePolicyAcceptsUnsignedRequests() {
        assertThat(guard.check(request(body, "application/json", null), SignaturePolicy.unsignedUnsafe())).isEmpty();
    }

    @Test
    void malformedJsonNamesLineColumnAndPath() {
        String text = "{\"Order\":{\"ID\":\"o1\"},\n \"LineItems\":[{\"ID\":\"l1\",\"Quantity\":\"many\"}]}";
        assertThatThrownBy(() -> OrderCloudJson.mapper().readValue(text, OrderWorksheet.class))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    OrderCloudException oc = ReceiverErrors.malformedJson(e);
                    assertThat(oc.status()).isEqualTo(400);
                    assertThat(oc.errorCode()).isEqualTo("Request.InvalidJson");
                    assertThat(oc.getMessage()).contains("LineItems[0].Quantity").contains("line 2");
                    assertThat(oc.data().get("Line").asInt()).isEqualTo(2);
                });
        assertThatThrownBy(() -> OrderCloudJson.mapper().readTree("{\"Order\": {"))
                .isInstanceOfSatisfying(JsonProcessingException.class,
                        e -> assertThat(ReceiverErrors.malformedJson(e).getMessage()).contains("line 1"));
    }

    @Test
    void internalErrorsCarryOnlyACorrelationId() {
        RawResponse r = ReceiverErrors.internal(LoggerFactory.getLogger("test"), "test call",
                new IllegalStateException("secret detail"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.bodyText()).contains("ServerError").contains(r.headers().get("X-Correlation-ID"))
                .doesNotContain("secret detail").doesNotContain("IllegalStateException");
    }
}
