package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.sharedcarts.SharedCartService;
import io.orderhooks.engine.internal.sharedcarts.SharedCartSettingsService;
import io.orderhooks.engine.internal.sharedcarts.UnshareMode;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.SharedCartSettings;
import java.util.Set;

/**
 * Shared organization carts (orderhooks extension, seed 004), in OrderCloud's cart style:
 *
 * <ul>
 *   <li>{@code POST v1/cart/share} (Shopper, 201): shares the caller's current cart; returns it.
 *   <li>{@code POST v1/cart/unshare} (Shopper, 201) with {@code {"Mode":"MergeIntoPersonal"|"Remove"}}: unshares the
 *       current cart (which must be a shared cart) and returns the caller's personal cart, now current.
 *   <li>{@code POST v1/cart/personal} (Shopper, 201): switches back to the personal cart and returns it.
 *   <li>{@code GET v1/me/sharedcarts} (Shopper): the unsubmitted shared carts of the caller's buyer (list envelope).
 *   <li>{@code GET/PUT/PATCH v1/sharedcartsettings}: the marketplace's settings; reading needs OrderReader or
 *       OrderAdmin, writing OrderAdmin (FullAccess always does), and the caller must be a seller user.
 * </ul>
 *
 * Switching to a shared cart is {@code PUT v1/cart/{orderID}} ({@code CartService.setCurrent});
 * {@code GET v1/me/orders?orderType=all|personal|shared} filters by type ({@code OrderRoutes}).
 */
public final class SharedCartRoutes {

    static final Set<String> SHOPPER = roles("Shopper");
    static final Set<String> SETTINGS_READ = roles("OrderReader", "OrderAdmin");
    static final Set<String> SETTINGS_WRITE = roles("OrderAdmin");

    private SharedCartRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        SharedCartService carts = ctx.engine().sharedCarts();
        t.post("v1/cart/share", 201, SHOPPER, r -> {
            Caller c = ctx.caller(r);
            return carts.share(c, carts.currentCart(c).id());
        });
        t.post("v1/cart/unshare", 201, SHOPPER, r -> {
            Caller c = ctx.caller(r);
            UnshareMode mode = UnshareMode.parse(mode(r));
            carts.unshare(c, carts.currentCart(c).id(), mode);
            return carts.personalCart(c);
        });
        t.post("v1/cart/personal", 201, SHOPPER, r -> {
            Caller c = ctx.caller(r);
            carts.switchToPersonal(c);
            return carts.personalCart(c);
        });
        t.get("v1/me/sharedcarts", SHOPPER, r -> ctx.list(r, carts.listSharedCarts(ctx.caller(r)), Order.class));
        registerSettings(t, ctx);
    }

    private static void registerSettings(RouteTable t, ApiContext ctx) {
        SharedCartSettingsService settings = ctx.engine().sharedCartSettings();
        t.get("v1/sharedcartsettings", SETTINGS_READ, r -> settings.get(ctx.caller(r)));
        t.put("v1/sharedcartsettings", SETTINGS_WRITE, r -> settings.save(ctx.caller(r), ctx.body(r, SharedCartSettings.class)));
        t.patch("v1/sharedcartsettings", SETTINGS_WRITE, r -> {
            Caller c = ctx.caller(r);
            return settings.save(c, ctx.patch(r, settings.get(c), SharedCartSettings.class));
        });
    }

    private static String mode(ApiRequest r) {
        var node = r.bodyObject().get("Mode");
        return node == null || node.isNull() ? null : node.asText();
    }
}
