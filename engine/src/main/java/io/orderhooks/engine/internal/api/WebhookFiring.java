package io.orderhooks.engine.internal.api;

import io.orderhooks.engine.spi.WebhookEndpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookMessage;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookSink;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fires the configured webhooks around a write request: every matching pre-webhook is asked first (a block
 * refuses the request before anything changes), then the request runs, then every matching post-webhook
 * gets the request and response bodies. A hook matches on route template + verb and the caller's API
 * client ({@code ApiClientIDs}); calls without a client never fire hooks. When post-webhooks match, the change and
 * the handing of their payloads to the sink run as one {@link Atomically} unit: with a durable store, the write and
 * its outbox rows commit in one transaction — except for the actions that call the checkout integration
 * ({@link ApiRoute#callsMiddleware}), whose post-webhooks are recorded right after their last commit. Before the first pre-webhook, the
 * object-level access check runs ({@link PreHookAccess}): a request refused for access never reaches middleware.
 */
public final class WebhookFiring {

    private final Supplier<List<Webhook>> webhooks;
    private final WebhookSink sink;
    private final Clock clock;
    private final java.util.function.Consumer<ApiRequest> accessCheck;
    private final Atomically atomically;

    /**
     * Runs a write and the recording of its post-webhooks as one unit (the store's transaction), so a committed
     * write always has its post-webhooks in the outbox and a rolled-back one has none.
     */
    @FunctionalInterface
    public interface Atomically {
        Object run(Supplier<Object> work);

        /** No transaction: the work just runs (an in-memory store). */
        Atomically NONE = Supplier::get;
    }

    public WebhookFiring(Supplier<List<Webhook>> webhooks, WebhookSink sink, Clock clock) {
        this(webhooks, sink, clock, r -> { }, Atomically.NONE);
    }

    /**
     * @param accessCheck throws (404/403) when the caller may not access the object the request names
     * @param atomically runs a write together with the recording of its post-webhooks (e.g. {@code store::atomically})
     */
    public WebhookFiring(Supplier<List<Webhook>> webhooks, WebhookSink sink, Clock clock,
            java.util.function.Consumer<ApiRequest> accessCheck, Atomically atomically) {
        this.webhooks = webhooks;
        this.sink = sink;
        this.clock = clock;
        this.accessCheck = accessCheck;
        this.atomically = atomically;
    }

    /** Runs {@code change} between the pre- and post-webhooks matching {@code request}; returns its body. */
    public Object around(ApiRequest request, Supplier<Object> change) {
        return around(request, stored(request.caller()), change);
    }

    /**
     * The stored webhooks that may fire for a write by {@code caller}: every stored webhook when the caller has an API
     * client, none without one (a hook fires only for the clients it names, so none is read).
     */
    public List<Webhook> stored(AccessClaims caller) {
        return caller == null || caller.clientID() == null ? List.of() : webhooks.get();
    }

    /**
     * As {@link #around(ApiRequest, Supplier)}, with the stored webhooks read already ({@link #stored}, made by the
     * caller together with the request's other reads).
     */
    public Object around(ApiRequest request, List<Webhook> stored, Supplier<Object> change) {
        ApiRoute route = request.route();
        String clientID = request.caller() == null ? null : request.caller().clientID();
        List<Webhook> matching = stored.stream()
                .filter(w -> w.firesFor(route.template(), route.verb(), clientID))
                .toList();
        if (matching.isEmpty()) {
            return change.get();
        }
        String logID = UUID.randomUUID().toString();
        JsonNode requestBody = request.hasBody() ? request.bodyTree() : null;
        List<Webhook> pre = matching.stream().filter(Webhook::isPreHook).toList();
        if (!pre.isEmpty()) {
            accessCheck.accept(request);
        }
        for (Webhook hook : pre) {
            byte[] payload = payload(request, hook, logID, requestBody, null);
            PreHookDecision decision = sink.before(WebhookEndpoint.of(hook), payload);
            if (!decision.proceed()) {
                throw blocked(hook, decision.body());
            }
        }
        List<Webhook> post = matching.stream().filter(w -> !w.isPreHook()).toList();
        if (post.isEmpty()) {
            return change.get();
        }
        if (route.callsMiddleware()) {
            // No transaction may stay open across the checkout integration's network call (DURABILITY.md,
            // "Transactions"): the change commits on its own, then its post-webhooks are recorded.
            return recordPostHooks(request, post, logID, requestBody, change.get());
        }
        return atomically.run(() -> recordPostHooks(request, post, logID, requestBody, change.get()));
    }

    private Object recordPostHooks(ApiRequest request, List<Webhook> post, String logID, JsonNode requestBody, Object result) {
        JsonNode responseBody = result == null ? null : OrderCloudJson.mapper().valueToTree(result);
        for (Webhook hook : post) {
            sink.after(WebhookEndpoint.of(hook), payload(request, hook, logID, requestBody, responseBody));
        }
        return result;
    }

    private byte[] payload(ApiRequest request, Webhook hook, String logID, JsonNode requestBody, JsonNode responseBody) {
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((k, v) -> query.put(k, String.join(",", v)));
        WebhookPayload payload = new WebhookPayload(request.route().template(), request.pathParams(), query,
                request.route().verb(), OffsetDateTime.now(clock), logID, request.accessToken(),
                new WebhookMessage(redactPasswords(requestBody), null),
                new WebhookMessage(redactPasswords(responseBody), null), hook.configData());
        try {
            return OrderCloudJson.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a webhook payload", e);
        }
    }

    /** OrderCloud redacts passwords from webhook payloads ({@code Password}, and {@code NewPassword} of {@code v1/me/password}). */
    static JsonNode redactPasswords(JsonNode body) {
        if (body == null || !body.isContainerNode()) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        for (String field : new String[] {"Password", "NewPassword"}) {
            copy.findParents(field).forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).putNull(field));
        }
        return copy;
    }

    /**
     * A blocked request: 400 {@code Webhook.Blocked} (OrderCloud documents no code; see the README's
     * compatibility notes) whose Data is the hook's {@code body}, and whose message is the body when it is a
     * string.
     */
    static OrderCloudException blocked(Webhook hook, JsonNode body) {
        String message = body instanceof TextNode text ? text.asText()
                : "The request was blocked by pre-webhook " + hook.id();
        return new OrderCloudException(400, "Webhook.Blocked", message, body);
    }
}
