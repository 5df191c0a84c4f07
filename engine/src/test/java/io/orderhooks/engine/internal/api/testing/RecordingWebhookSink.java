package io.orderhooks.engine.internal.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook sink for tests: every pre-hook proceeds; every post-hook payload is kept, parsed, in delivery order. */
public final class RecordingWebhookSink implements WebhookSink {

    private final List<JsonNode> delivered = new CopyOnWriteArrayList<>();

    @Override
    public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
        return new PreHookDecision(true, null, null);
    }

    @Override
    public void after(WebhookEndpoint hook, byte[] payload) {
        try {
            delivered.add(OrderCloudJson.mapper().readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The post-hook payloads so far (a live, thread-safe view). */
    public List<JsonNode> delivered() {
        return delivered;
    }
}
