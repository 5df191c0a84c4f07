package io.orderhooks.engine.internal.api;

import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.grouporders.Contributors;
import java.util.Locale;
import java.util.Set;

/**
 * The routes a group-order contributor token may call: the cart and its line items, and product browsing under
 * {@code v1/me/products}. Any other route answers 403 {@code Auth.InsufficientRoles} before its handler runs, even
 * where the token's {@code Shopper} role would pass; the engine enforces the same rules again behind every route.
 */
public final class ContributorRoutes {

    private static final Set<String> ALLOWED = Set.of(
            "GET v1/cart",
            "GET v1/cart/lineitems",
            "POST v1/cart/lineitems",
            "GET v1/cart/lineitems/{lineitemid}",
            "PUT v1/cart/lineitems/{lineitemid}",
            "PATCH v1/cart/lineitems/{lineitemid}",
            "DELETE v1/cart/lineitems/{lineitemid}",
            "POST v1/grouporders/{invitationid}/token");

    private ContributorRoutes() {}

    /** Whether a contributor token may call {@code route}. */
    public static boolean admits(ApiRoute route) {
        String template = route.template().toLowerCase(Locale.ROOT);
        return ALLOWED.contains(route.verb() + " " + template)
                || ("GET".equals(route.verb()) && (template.equals("v1/me/products") || template.startsWith("v1/me/products/")));
    }

    /** Refuses a contributor token on any route it may not call; does nothing for other callers. */
    public static void require(AccessClaims caller, ApiRoute route) {
        if (caller != null && caller.isGroupOrderContributor() && !admits(route)) {
            throw Contributors.forbidden("call " + route.verb() + " " + route.template());
        }
    }
}
