package io.orderhooks.engine.internal.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.internal.JsonBytes;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.CheckoutResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.IntegrationEndpoint;
import java.io.IOException;
import java.util.Map;

/**
 * Sends one checkout event through the {@code CheckoutIntegration} port and turns the outcome into the typed
 * answer the worksheet stores, with {@code HttpStatusCode}, {@code UnhandledErrorBody} and {@code Succeeded}
 * filled in by {@link CheckoutResponses#record} (the same rules the senders record by). A 2xx answer that is
 * not valid JSON for the response type counts as a failure. Never throws
 * for a delivery failure; {@link #failure} maps one to the error a refused submit or approval raises.
 */
public final class CheckoutInvoker {

    /** The stored answer and whether the call succeeded. */
    public record Result<T extends CheckoutResponse>(T response, DeliveryOutcome outcome, boolean succeeded) {}

    private final EngineContext ctx;
    private final ObjectMapper json = OrderCloudJson.mapper();

    public CheckoutInvoker(EngineContext ctx) {
        this.ctx = ctx;
    }

    public <T extends CheckoutResponse> Result<T> call(CheckoutEventType type, IntegrationEndpoint endpoint, OrderWorksheet ws,
            String accessToken, String idempotencyKey, Class<T> responseType) {
        byte[] payload;
        try {
            payload = JsonBytes.write(json, new CheckoutPayload(endpoint.configData(), ctx.config().environment(), accessToken, ws));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the worksheet of " + ws.order().id(), e);
        }
        DeliveryOutcome outcome = ctx.checkoutIntegration().deliver(new CheckoutCall(type, endpoint, ws.order().id(), payload, idempotencyKey));
        T response = responseType.cast(CheckoutResponses.record(type, outcome));
        return new Result<>(response, outcome, Boolean.TRUE.equals(response.succeeded()));
    }

    /**
     * The error for a failed submit or approval call: a rejection or malformed answer is 400
     * {@code IntegrationEvent.BadRequest}; a timeout 504 {@code IntegrationEvent.Timeout}; an unreachable
     * endpoint or open circuit 502 {@code IntegrationEvent.Unavailable}. Data names the event and outcome.
     */
    public static OrderCloudException failure(CheckoutEventType type, Result<?> r) {
        JsonNode data = OrderCloudJson.mapper().valueToTree(Map.of("EventType", type.suffix(), "Outcome", r.outcome().describe(),
                "HttpStatusCode", String.valueOf(r.response().httpStatusCode())));
        DeliveryOutcome o = r.outcome();
        if (o instanceof DeliveryOutcome.TimedOut) {
            return new OrderCloudException(504, "IntegrationEvent.Timeout", "The " + type.suffix() + " integration event timed out.", data);
        }
        if (o instanceof DeliveryOutcome.Unreachable || o instanceof DeliveryOutcome.CircuitOpen) {
            return new OrderCloudException(502, "IntegrationEvent.Unavailable", "The " + type.suffix() + " integration event is unavailable.", data);
        }
        return new OrderCloudException(400, "IntegrationEvent.BadRequest",
                "Something went wrong when we called your integration event, check your custom code and try again.", data);
    }
}
