package io.orderhooks.events.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.http.HttpHeaders;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.core.model.CheckoutEventType;

/**
 * Checkout requests as OrderCloud sends them: the body {@code {ConfigData, Environment,
 * OrderCloudAccessToken, OrderWorksheet}} POSTed as JSON to {@code /{suffix}}, signed with the reference
 * {@code X-oc-hash} algorithm. Stateless.
 */
public final class CheckoutRequests {

    /** The access token test payloads carry. */
    public static final String TEST_ACCESS_TOKEN = "test-access-token";

    private CheckoutRequests() {}

    /** A {@code Sandbox} payload with empty {@code ConfigData}. */
    public static CheckoutPayload payload(OrderWorksheet worksheet) {
        return payload(worksheet, JsonNodeFactory.instance.objectNode());
    }

    /** A {@code Sandbox} payload; {@code configData} may be any object Jackson can write (or a JsonNode). */
    public static CheckoutPayload payload(OrderWorksheet worksheet, Object configData) {
        JsonNode config = OrderCloudJson.mapper().valueToTree(configData);
        return new CheckoutPayload(config, "Sandbox", TEST_ACCESS_TOKEN, worksheet);
    }

    /** A {@code Sandbox} {@code /calculateorderreturn} payload: {@code orderReturn} of the order in {@code worksheet}. */
    public static CheckoutPayload returnPayload(OrderWorksheet worksheet, OrderReturn orderReturn, Object configData) {
        JsonNode config = OrderCloudJson.mapper().valueToTree(configData);
        return new CheckoutPayload(config, "Sandbox", TEST_ACCESS_TOKEN, worksheet, orderReturn);
    }

    /** The exact JSON bytes of {@code payload}. */
    public static byte[] bytes(CheckoutPayload payload) {
        try {
            return OrderCloudJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be serialized", e);
        }
    }

    /** A POST of {@code worksheet} (in a default payload) to the event's path, signed with {@code hashKey}. */
    public static RawRequest signed(CheckoutEventType event, OrderWorksheet worksheet, String hashKey) {
        return signed(event, bytes(payload(worksheet)), hashKey);
    }

    public static RawRequest signed(CheckoutEventType event, CheckoutPayload payload, String hashKey) {
        return signed(event, bytes(payload), hashKey);
    }

    /** A POST of exactly {@code body}, signed with {@code hashKey}. */
    public static RawRequest signed(CheckoutEventType event, byte[] body, String hashKey) {
        return RawRequest.post("/" + event.suffix(),
                HttpHeaders.of("Content-Type", "application/json; charset=utf-8", OcHash.HEADER, OcHash.sign(hashKey, body)),
                body);
    }

    /** A POST of exactly {@code body} without {@code X-oc-hash}. */
    public static RawRequest unsigned(CheckoutEventType event, byte[] body) {
        return RawRequest.post("/" + event.suffix(), HttpHeaders.of("Content-Type", "application/json"), body);
    }
}
