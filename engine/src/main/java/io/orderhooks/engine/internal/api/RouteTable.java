package io.orderhooks.engine.internal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the API's routes. Resource modules add theirs ({@code table.post("v1/orders/{direction}", 201,
 * roles("Shopper", "OrderAdmin"), handler)}); the server mounts them with literal segments ahead of
 * parameters, so {@code PUT v1/cart/billto} wins over {@code PUT v1/cart/{orderID}}. Not thread-safe; fill
 * it before building the server.
 */
public final class RouteTable {

    private final List<ApiRoute> routes = new ArrayList<>();

    /** Any one of {@code names} grants access ({@code FullAccess} always does). */
    public static Set<String> roles(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    /** Any authenticated caller. */
    public static Set<String> anyCaller() {
        return Set.of();
    }

    public RouteTable get(String template, Set<String> roles, ApiHandler handler) {
        return add(new ApiRoute("GET", template, roles, 200, handler));
    }

    public RouteTable post(String template, int status, Set<String> roles, ApiHandler handler) {
        return add(new ApiRoute("POST", template, roles, status, handler));
    }

    public RouteTable put(String template, Set<String> roles, ApiHandler handler) {
        return add(new ApiRoute("PUT", template, roles, 200, handler));
    }

    public RouteTable patch(String template, Set<String> roles, ApiHandler handler) {
        return add(new ApiRoute("PATCH", template, roles, 200, handler));
    }

    public RouteTable delete(String template, Set<String> roles, ApiHandler handler) {
        return add(new ApiRoute("DELETE", template, roles, 204, handler));
    }

    /** Adds a route; a second route with the same verb and template (ignoring case) is refused. */
    public RouteTable add(ApiRoute route) {
        boolean duplicate = routes.stream().anyMatch(r -> r.verb().equals(route.verb())
                && r.template().equalsIgnoreCase(route.template()));
        if (duplicate) {
            throw new IllegalArgumentException("route registered twice: " + route.verb() + " " + route.template());
        }
        routes.add(route);
        return this;
    }

    /** The routes in mounting order: per verb, literal segments before parameters. */
    public List<ApiRoute> routes() {
        List<ApiRoute> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(ApiRoute::verb).thenComparing(r -> specificityKey(r.template())));
        return Collections.unmodifiableList(sorted);
    }

    static String specificityKey(String template) {
        StringBuilder key = new StringBuilder();
        for (String segment : template.split("/")) {
            key.append(segment.startsWith("{") ? "\u007f" : segment.toLowerCase(java.util.Locale.ROOT)).append('/');
        }
        return key.toString();
    }
}
