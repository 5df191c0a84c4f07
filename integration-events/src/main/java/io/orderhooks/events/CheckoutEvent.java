package io.orderhooks.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.CheckoutEventType;
import java.util.List;
import java.util.Objects;

/**
 * One checkout integration event as a handler sees it: which event, the order worksheet, the
 * {@code Environment} ({@code Sandbox}, {@code Staging} or {@code Production}, as sent), the access token
 * OrderCloud issued for the call, and the integration event's {@code ConfigData}. Immutable and
 * thread-safe.
 */
public final class CheckoutEvent {

    private final CheckoutEventType type;
    private final OrderWorksheet worksheet;
    private final String environment;
    private final String accessToken;
    private final JsonNode configData;
    private final OrderReturn orderReturn;

    private CheckoutEvent(CheckoutEventType type, OrderWorksheet worksheet, String environment, String accessToken,
            JsonNode configData, OrderReturn orderReturn) {
        this.type = Objects.requireNonNull(type, "type");
        this.worksheet = Objects.requireNonNull(worksheet, "worksheet");
        this.environment = environment;
        this.accessToken = accessToken;
        this.configData = configData == null ? NullNode.getInstance() : configData;
        this.orderReturn = orderReturn;
    }

    /** The event for {@code payload}, which must carry an {@code OrderWorksheet}. */
    public static CheckoutEvent of(CheckoutEventType type, CheckoutPayload payload) {
        Objects.requireNonNull(payload, "payload");
        return new CheckoutEvent(type, payload.orderWorksheet(), payload.environment(),
                payload.orderCloudAccessToken(), payload.configData(), payload.orderReturn());
    }

    /** For {@code /calculateorderreturn}: the return to calculate (its order is {@link #worksheet()}); else null. */
    public OrderReturn orderReturn() {
        return orderReturn;
    }

    public CheckoutEventType type() {
        return type;
    }

    public OrderWorksheet worksheet() {
        return worksheet;
    }

    /** The worksheet's line items; empty (never null) when it has none. */
    public List<LineItem> lineItems() {
        return worksheet.lineItems() == null ? List.of() : worksheet.lineItems();
    }

    /** The order's ID, or null if the worksheet carries no order. */
    public String orderID() {
        return worksheet.order() == null ? null : worksheet.order().id();
    }

    /** {@code Sandbox}, {@code Staging} or {@code Production}, exactly as OrderCloud sent it (may be null). */
    public String environment() {
        return environment;
    }

    /** The {@code OrderCloudAccessToken} to call the OrderCloud API as the integration (may be null). */
    public String accessToken() {
        return accessToken;
    }

    /** {@code ConfigData} as free JSON; a {@code NullNode} when absent. */
    public JsonNode configData() {
        return configData;
    }

    /**
     * {@code ConfigData} bound to {@code type} with the shared OrderCloud mapper (PascalCase property names,
     * unknown properties ignored).
     *
     * @throws OrderCloudException 400 {@code IntegrationEvent.InvalidConfigData} naming where binding failed
     */
    public <T> T configData(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return OrderCloudJson.mapper().treeToValue(configData, type);
        } catch (JsonProcessingException e) {
            throw new OrderCloudException(400, "IntegrationEvent.InvalidConfigData",
                    "ConfigData cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new OrderCloudException(400, "IntegrationEvent.InvalidConfigData",
                    "ConfigData cannot be read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "CheckoutEvent[" + type.suffix() + ", order " + orderID() + "]";
    }
}
