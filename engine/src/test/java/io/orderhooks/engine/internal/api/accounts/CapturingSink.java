package io.orderhooks.engine.internal.api.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook sink that keeps every post delivery (endpoint and exact bytes) instead of sending it. */
final class CapturingSink implements WebhookSink {

    record Delivery(WebhookEndpoint endpoint, byte[] payload) {
        JsonNode json() {
            try {
                return OrderCloudJson.mapper().readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    @Override
    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        return new PreHookDecision(true, null, null);
    }

    @Override
    public void after(WebhookEndpoint hook, byte[] payload) {
        delivered.add(new Delivery(hook, payload));
    }

    /** The deliveries of {@code messageType}, oldest first. */
    List<JsonNode> messages(String messageType) {
        return delivered.stream().map(Delivery::json).filter(j -> messageType.equals(j.path("MessageType").asText())).toList();
    }
}
