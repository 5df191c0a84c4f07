package io.orderhooks.webhooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.WebhookMessage;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.webhooks.internal.Binding;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook delivery as a handler sees it: the {@link WebhookPayload} plus the matched
 * {@link RouteTemplate} and typed access to its parts.
 *
 * <p>Typed reads ({@link #body(Class)}, {@link #response(Class)}, {@link #configData(Class)},
 * {@link #routeParams(Class)}) use the shared orderhooks JSON configuration; JSON that does not fit the type
 * throws an {@link OrderCloudException} 400 {@code Request.InvalidJson} naming the property path. An absent
 * or JSON-null part reads as null. Immutable and thread-safe; claims are decoded once, on first use.
 */
public final class WebhookEvent {

    private final WebhookPayload payload;
    private final RouteTemplate template;
    private final Map<String, String> routeParams;
    private volatile UserClaims claims;

    private WebhookEvent(WebhookPayload payload, RouteTemplate template) {
        this.payload = payload;
        this.template = template;
        this.routeParams = Collections.unmodifiableMap(resolveParams(payload, template));
    }

    /**
     * The event for {@code payload} matched to {@code template}; for dispatchers and for unit tests of a
     * handler.
     */
    public static WebhookEvent of(WebhookPayload payload, RouteTemplate template) {
        return new WebhookEvent(Objects.requireNonNull(payload, "payload"), Objects.requireNonNull(template, "template"));
    }

    /** Values by the template's own names: from {@code RouteParams} (any key case), else from a concrete route. */
    private static Map<String, String> resolveParams(WebhookPayload payload, RouteTemplate template) {
        Map<String, String> fromPath = template.valuesIn(payload.route());
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.paramNames()) {
            String value = null;
            if (payload.routeParams() != null) {
                value = payload.routeParams().entrySet().stream()
                        .filter(e -> name.equalsIgnoreCase(e.getKey()) && e.getValue() != null)
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            value = value != null ? value : fromPath.get(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    public WebhookPayload payload() {
        return payload;
    }

    public RouteTemplate template() {
        return template;
    }

    /** The payload's {@code Route}, as OrderCloud sent it. */
    public String route() {
        return payload.route();
    }

    /** Upper-case verb: POST, PUT, PATCH or DELETE. */
    public String verb() {
        return payload.verb();
    }

    /** OrderCloud's ID of this delivery ({@code LogID}); null if absent. */
    public String logId() {
        return payload.logID();
    }

    public OffsetDateTime date() {
        return payload.date();
    }

    /**
     * The value of route placeholder {@code name} (matched case-insensitively, as OrderCloud's SDK does).
     *
     * @throws IllegalArgumentException if the template has no such placeholder (a programming error)
     * @throws OrderCloudException 400 {@code Webhook.MissingRouteParam} if the payload carries no value
     */
    public String routeParam(String name) {
        String canonical = template.paramName(name).orElseThrow(() -> new IllegalArgumentException(
                "route " + template + " has no placeholder {" + name + "}; it has " + template.paramNames()));
        String value = routeParams.get(canonical);
        if (value == null) {
            throw new OrderCloudException(400, "Webhook.MissingRouteParam",
                    "The payload has no value for route parameter " + canonical + " of " + template);
        }
        return value;
    }

    /** The route parameters present, keyed by the template's names. */
    public Map<String, String> routeParams() {
        return routeParams;
    }

    /** The route parameters bound to {@code type} (a record such as {@code (String direction, String orderID)}). */
    public <T> T routeParams(Class<T> type) {
        ObjectNode node = OrderCloudJson.mapper().createObjectNode();
        routeParams.forEach(node::put);
        return read(Binding.caseInsensitiveReaderFor(type), node);
    }

    /** A query parameter of the original request, if present. */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(payload.queryParams()).map(q -> q.get(name));
    }

    /** {@code Request.Body} as a tree ({@link NullNode} if absent). */
    public JsonNode bodyJson() {
        return part(payload.request());
    }

    /** {@code Request.Body} bound to {@code type}; null if absent. */
    public <T> T body(Class<T> type) {
        return read(OrderCloudJson.mapper().readerFor(type), bodyJson());
    }

    public <T> T body(TypeReference<T> type) {
        return read(OrderCloudJson.mapper().readerFor(type), bodyJson());
    }

    /** {@code Response.Body} as a tree ({@link NullNode} if absent, as in every pre-webhook). */
    public JsonNode responseJson() {
        return part(payload.response());
    }

    /** {@code Response.Body} (post-webhooks only) bound to {@code type}; null if absent. */
    public <T> T response(Class<T> type) {
        return read(OrderCloudJson.mapper().readerFor(type), responseJson());
    }

    public <T> T response(TypeReference<T> type) {
        return read(OrderCloudJson.mapper().readerFor(type), responseJson());
    }

    /** The webhook's {@code ConfigData} as a tree ({@link NullNode} if absent). */
    public JsonNode configDataJson() {
        return payload.configData() == null ? NullNode.getInstance() : payload.configData();
    }

    /** The webhook's {@code ConfigData} bound to the handler's own config type; null if absent. */
    public <T> T configData(Class<T> type) {
        return read(OrderCloudJson.mapper().readerFor(type), configDataJson());
    }

    /** The caller's token claims, decoded without signature verification (see {@link UserClaims}). */
    public UserClaims claims() {
        UserClaims c = claims;
        if (c == null) {
            c = UserClaims.decode(payload.userToken());
            claims = c;
        }
        return c;
    }

    private static JsonNode part(WebhookMessage message) {
        return message == null || message.body() == null ? NullNode.getInstance() : message.body();
    }

    private static <T> T read(ObjectReader reader, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return reader.readValue(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw io.orderhooks.core.receiver.ReceiverErrors.malformedJson(e);
        } catch (IOException e) {
            throw new OrderCloudException(400, "Request.InvalidJson", "Cannot read JSON: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return verb() + " " + route() + (logId() == null ? "" : " [LogID=" + logId() + "]");
    }
}
