package io.orderhooks.engine.internal.api.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A delivery record as {@code GET v1/deliveries} shows it (orderhooks' own resource, PascalCase like the
 * rest of the API). {@code RequestBody} is the JSON sent (text when it was not JSON) with every
 * {@code OrderCloudAccessToken} and {@code UserToken} value replaced by {@code "REDACTED"}.
 */
public record DeliveryView(
        @JsonProperty("ID") String id,
        @JsonProperty("Kind") DeliveryRecord.Kind kind,
        @JsonProperty("Subject") String subject,
        @JsonProperty("EndpointID") String endpointID,
        @JsonProperty("Url") String url,
        @JsonProperty("OrderID") String orderID,
        @JsonProperty("Attempt") int attempt,
        @JsonProperty("Outcome") DeliveryRecord.OutcomeKind outcome,
        @JsonProperty("HttpStatus") Integer httpStatus,
        @JsonProperty("LatencyMillis") long latencyMillis,
        @JsonProperty("Succeeded") boolean succeeded,
        @JsonProperty("DeadLetter") boolean deadLetter,
        @JsonProperty("Redeliverable") boolean redeliverable,
        @JsonProperty("RedeliveryOf") String redeliveryOf,
        @JsonProperty("IdempotencyKey") String idempotencyKey,
        @JsonProperty("Error") String error,
        @JsonProperty("Timestamp") OffsetDateTime timestamp,
        @JsonProperty("RequestBody") JsonNode requestBody,
        @JsonProperty("ResponseBody") String responseBody) {

    static final String REDACTED = "REDACTED";

    public static DeliveryView of(DeliveryRecord r) {
        return new DeliveryView(r.id(), r.kind(), r.subject(), r.endpointID(), r.url(), r.orderID(), r.attempt(),
                r.outcome(), r.httpStatus(), r.latencyMillis(), r.succeeded(), r.deadLetter(),
                r.redeliverable() && r.kind() != DeliveryRecord.Kind.CHECKOUT,
                r.redeliveryOf(), r.idempotencyKey(), r.error(), r.timestamp().atOffset(ZoneOffset.UTC),
                redacted(r.requestBody()), r.responseBody());
    }

    static JsonNode redacted(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonNode tree;
        try {
            tree = OrderCloudJson.mapper().readTree(body);
        } catch (java.io.IOException notJson) {
            return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
        }
        for (String secret : new String[] {"OrderCloudAccessToken", "UserToken"}) {
            tree.findParents(secret).forEach(p -> {
                if (!p.get(secret).isNull()) {
                    ((ObjectNode) p).put(secret, REDACTED);
                }
            });
        }
        return tree;
    }
}
