package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.CART;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.CART_ROLES;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.READ;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.WRITE;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.api.internal.JsonMerge;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.OrderAccess;
import io.orderhooks.engine.internal.sharedcarts.OrderType;
import io.orderhooks.engine.internal.orders.OrderService;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.User;
import io.orderhooks.core.error.OrderCloudException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Orders: {@code v1/orders/{direction}[/{orderID}]} (list, create, read, PUT, PATCH, DELETE, billto, shipto),
 * {@code v1/me/orders[/approvable]} ({@code PUT v1/me/orders?anonUserToken=}: take over an anonymous shopper's cart) and the cart's own routes ({@code GET/PUT/PATCH/DELETE v1/cart},
 * {@code PUT v1/cart/{orderID}}).
 */
public final class OrderRoutes {

    /** What {@code PATCH .../fromuser} may change (OrderCloud: "Only FirstName, LastName, and Email can be updated"). */
    private static final Set<String> FROM_USER_FIELDS = Set.of("FirstName", "LastName", "Email");

    private OrderRoutes() {}

    /**
     * What {@code from}/{@code to} bound on {@code Incoming}: {@code DateSubmitted}, or {@code DateCreated} for an
     * order never submitted, so the seller can list buyers' carts by age (docs/ENGINE.md).
     */
    static java.time.OffsetDateTime submittedOrCreated(Order o) {
        return o.dateSubmitted() != null ? o.dateSubmitted() : o.dateCreated();
    }

    public static void register(RouteTable t, ApiContext ctx) {
        OrderService orders = ctx.engine().orders();
        t.get("v1/orders/{direction}", READ, r ->
                OrderFields.listOrders(ctx, r, ctx.caller(r), Direction.parse(r.param("direction"))));
        t.post("v1/orders/{direction}", 201, WRITE, r -> {
            Caller c = ctx.caller(r);
            if (c.isBuyer() && Direction.parse(r.param("direction")) == Direction.Incoming) {
                throw Errors.bad("Order.CreateIncomingRequiresFromUser", "Buyer users create Outgoing orders.");
            }
            return orders.create(c, ctx.body(r, Order.class));
        });
        OrderRouting both = new OrderRouting(t, ctx);
        t.get(OrderRouting.ORDER, READ, r -> orders.get(ctx.caller(r), Direction.parse(r.param("direction")), r.param("orderID")));
        t.get(CART, CART_ROLES, r -> ctx.engine().cart().current(ctx.caller(r)));
        both.patch("", WRITE, (r, c, d, id) -> orders.patch(c, d, id, OrderFields.patch(ctx, r, orders.get(c, d, id))));
        t.put(OrderRouting.ORDER, WRITE, r -> put(ctx, r, ctx.caller(r), Direction.parse(r.param("direction")), r.param("orderID")));
        t.put(CART, CART_ROLES, r -> {
            Caller c = ctx.caller(r);
            return put(ctx, r, c, Direction.Outgoing, ctx.engine().cart().current(c).id());
        });
        t.delete(OrderRouting.ORDER, WRITE, r -> {
            orders.delete(ctx.caller(r), Direction.parse(r.param("direction")), r.param("orderID"));
            return null;
        });
        t.delete(CART, CART_ROLES, r -> {
            Caller c = ctx.caller(r);
            ctx.engine().cart().find(c).ifPresent(o -> orders.delete(c, Direction.Outgoing, o.id()));
            return null;
        });
        t.put("v1/cart/{orderID}", CART_ROLES, r -> ctx.engine().cart().setCurrent(ctx.caller(r), r.param("orderID")));
        both.put("/billto", WRITE, (r, c, d, id) -> orders.setBillingAddress(c, d, id, ctx.body(r, Address.class)));
        both.put("/shipto", WRITE, (r, c, d, id) -> orders.setShippingAddress(c, d, id, ctx.body(r, Address.class)));
        both.patch("/billto", WRITE, (r, c, d, id) -> orders.setBillingAddress(c, d, id, patchedBillTo(r, orders.get(c, d, id))));
        both.patch("/shipto", WRITE, (r, c, d, id) -> {
            Order o = orders.get(c, d, id);
            List<LineItem> lines = ctx.engine().lineItems().list(c, d, id);
            return orders.setShippingAddress(c, d, id, patchedShipTo(r, o, lines));
        });
        both.patch("/fromuser", WRITE, (r, c, d, id) -> {
            ObjectNode body = r.bodyObject();
            body.fieldNames().forEachRemaining(f -> {
                if (!FROM_USER_FIELDS.contains(f)) {
                    throw OrderCloudException.validation("Only FirstName, LastName and Email of the order's FromUser can be patched, not " + f);
                }
            });
            return orders.patchFromUser(c, d, id, from -> JsonMerge.patch(from, body, User.class));
        });
        t.get("v1/me/orders", roles("Shopper"), r -> {
            Caller c = ctx.caller(r);
            OrderType type = OrderType.parse(r.queryParam("orderType"));
            List<Order> mine = orders.list(c, Direction.Outgoing).stream()
                    .filter(o -> c.userID().equals(o.fromUserID()) || OrderAccess.isOrganizationMember(c, o)).filter(type::matches).toList();
            return OrderFields.list(ctx, r, mine, Order::dateCreated);
        });
        t.add(new ApiRoute("PUT", "v1/me/orders", roles("Shopper"), 204, r -> {
            Caller anon;
            try {
                anon = ApiContext.caller(ctx.oauth().tokens().verify(Creates.query(r, "anonUserToken")));
            } catch (OrderCloudException e) {
                throw e.status() == 400 ? e : OrderCloudException.validation("anonUserToken is not a valid access token: " + e.getMessage());
            }
            ctx.engine().cart().transferAnonymous(ctx.caller(r), anon);
            return null;
        }));
        t.get("v1/me/orders/approvable", roles("Shopper"), r ->
                OrderFields.list(ctx, r, orders.listApprovable(ctx.caller(r)), Order::dateSubmitted));
    }

    /** PUT: replaces an existing order's writable fields, or creates the order with that ID. */
    private static Order put(ApiContext ctx, ApiRequest r, Caller c, Direction d, String orderID) {
        OrderService orders = ctx.engine().orders();
        if (ctx.engine().context().store().order(orderID).isEmpty()) {
            Order body = ctx.body(r, Order.class);
            Ids.requireSame(body.id(), orderID);
            return orders.create(c, body.toBuilder().id(orderID).build());
        }
        return orders.patch(c, d, orderID, OrderFields.replace(ctx, r, orders.get(c, d, orderID)));
    }

    /** PATCH billto merges onto a one-off billing address; one set by ID cannot be patched. */
    private static Address patchedBillTo(ApiRequest r, Order o) {
        Address current = o.billingAddress();
        if (current == null) {
            throw Errors.bad("BillingAddress.CannotModifyNotFound", "Order " + o.id() + " has no billing address to patch.");
        }
        if (o.billingAddressID() != null) {
            throw Errors.bad("BillingAddress.CannotPatchSetByID", "The billing address was set by ID; PUT billto to change it.");
        }
        return JsonMerge.patch(current, r.bodyObject(), Address.class);
    }

    /** PATCH shipto merges onto the one-off shipping address of the order's lines; one set by ID cannot be patched. */
    private static Address patchedShipTo(ApiRequest r, Order o, List<LineItem> lines) {
        if (o.shippingAddressID() != null) {
            throw Errors.bad("ShippingAddress.CannotPatchSetByID", "The shipping address was set by ID; PUT shipto to change it.");
        }
        Address current = lines.stream().map(LineItem::shippingAddress).filter(a -> a != null && a.id() == null)
                .findFirst().orElseThrow(() -> Errors.bad("ShippingAddress.CannotModifyNotFound",
                        "Order " + o.id() + " has no one-off shipping address to patch."));
        return JsonMerge.patch(current, r.bodyObject(), Address.class);
    }
}
