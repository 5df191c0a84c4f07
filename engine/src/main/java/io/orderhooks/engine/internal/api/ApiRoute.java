package io.orderhooks.engine.internal.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One route of the API.
 *
 * @param verb upper-case HTTP method
 * @param template OrderCloud's route template without a leading slash, e.g.
 *     {@code v1/orders/{direction}/{orderID}/submit}; it is also the webhook {@code Route}
 * @param roles any one of these roles grants access ({@code FullAccess} always does); empty = any
 *     authenticated caller; null = no token needed
 * @param status the status of a successful answer (200, 201 for creates and order actions, 204)
 * @param callsMiddleware the action calls the checkout integration over the network in the middle of its change
 *     (estimate shipping, calculate, submit, approve, a return's submit): its change is several short transactions
 *     around the call, so {@link WebhookFiring} records its post-webhooks after the change instead of in its
 *     transaction. The checkout port refuses a call made inside a transaction, so a route that calls middleware
 *     without this flag fails its tests.
 */
public record ApiRoute(String verb, String template, Set<String> roles, int status, ApiHandler handler,
        boolean callsMiddleware) {

    public ApiRoute(String verb, String template, Set<String> roles, int status, ApiHandler handler) {
        this(verb, template, roles, status, handler, false);
    }

    /** This route, flagged as calling the checkout integration (see {@link #callsMiddleware}). */
    public ApiRoute callingMiddleware() {
        return new ApiRoute(verb, template, roles, status, handler, true);
    }

    public ApiRoute {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
        if (template.startsWith("/")) {
            throw new IllegalArgumentException("route template must not start with '/': " + template);
        }
    }

    public boolean isPublic() {
        return roles == null;
    }

    public boolean isWrite() {
        return List.of("POST", "PUT", "PATCH", "DELETE").contains(verb);
    }
}
