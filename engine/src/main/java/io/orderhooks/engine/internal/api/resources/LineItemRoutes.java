package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.resources.OrderRouting.READ;
import static io.orderhooks.engine.internal.api.resources.OrderRouting.WRITE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.api.internal.JsonMerge;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orders.LineItemService;
import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;

/**
 * {@code .../lineitems[/{lineItemID}[/shipto]]} of an order and of the cart, and {@code v1/lineitems/{direction}}
 * (lines across orders). A line's ship-to is a saved address named by {@code ID} or a one-off address (no
 * {@code ID}), as the order's; PATCH shipto merges onto a one-off address ({@code ShippingAddress.CannotPatchSetByID}
 * for a saved one).
 */
public final class LineItemRoutes {

    private LineItemRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        LineItemService lines = ctx.engine().lineItems();
        OrderRouting both = new OrderRouting(t, ctx);
        t.get("v1/lineitems/{direction}", READ, r -> {
            Direction d = Direction.parse(r.param("direction"));
            return OrderFields.lines(ctx, r, lines.listAcrossOrders(ctx.caller(r), d),
                    d == Direction.Incoming ? Order::dateSubmitted : Order::dateCreated);
        });
        both.get("/lineitems", READ, (r, c, d, id) -> ctx.list(r, lines.list(c, d, id), LineItem.class));
        both.post("/lineitems", 201, WRITE, (r, c, d, id) -> lines.add(c, d, id, ctx.body(r, LineItem.class)));
        both.get("/lineitems/{lineItemID}", READ, (r, c, d, id) -> lines.get(c, d, id, r.param("lineItemID")));
        both.patch("/lineitems/{lineItemID}", WRITE, (r, c, d, id) -> {
            LineItem old = lines.get(c, d, id, r.param("lineItemID"));
            return lines.patch(c, d, id, old.id(), patch(ctx, r, old));
        });
        both.put("/lineitems/{lineItemID}", WRITE, (r, c, d, id) -> {
            LineItem old = lines.get(c, d, id, r.param("lineItemID"));
            return lines.patch(c, d, id, old.id(), replace(ctx, r, old));
        });
        both.delete("/lineitems/{lineItemID}", WRITE, (r, c, d, id) -> {
            lines.delete(c, d, id, r.param("lineItemID"));
            return null;
        });
        both.put("/lineitems/{lineItemID}/shipto", WRITE,
                (r, c, d, id) -> lines.setShippingAddress(c, d, id, r.param("lineItemID"), ctx.body(r, Address.class)));
        both.patch("/lineitems/{lineItemID}/shipto", WRITE, (r, c, d, id) -> {
            LineItem old = lines.get(c, d, id, r.param("lineItemID"));
            ObjectNode body = r.bodyObject();
            Address a;
            if (OrderFields.has(body, "ID") && !body.path("ID").isNull()) {
                a = ctx.body(r, Address.class);
            } else if (old.shippingAddress() != null && old.shippingAddressID() == null) {
                a = JsonMerge.patch(old.shippingAddress(), body, Address.class);
            } else if (old.shippingAddressID() != null) {
                throw Errors.bad("ShippingAddress.CannotPatchSetByID", "The line's shipping address was set by ID; PUT its shipto to change it.");
            } else {
                throw Errors.bad("LineItem.CannotPatchShippingAddressIfMissing", "Line item " + old.id() + " has no shipping address to patch.");
            }
            return lines.setShippingAddress(c, d, id, old.id(), a);
        });
    }

    /** PATCH: the fields the body names, type-checked; {@code xp} merges onto the line's. */
    static LinePatch patch(ApiContext ctx, ApiRequest r, LineItem old) {
        ObjectNode body = r.bodyObject();
        LineItem merged = ctx.patch(r, old, LineItem.class);
        Ids.requireSame(OrderFields.has(body, "ID") ? merged.id() : null, old.id());
        requireSameProduct(merged, old);
        return new LinePatch(OrderFields.has(body, "Quantity") ? merged.quantity() : null,
                OrderFields.has(body, "Specs") ? merged.specs() : null,
                OrderFields.has(body, "UnitPrice") ? merged.unitPrice() : null,
                OrderFields.has(body, "ShippingAddressID") ? merged.shippingAddressID() : null,
                OrderFields.has(body, "CostCenter") ? merged.costCenter() : null,
                OrderFields.has(body, "DateNeeded") ? merged.dateNeeded() : null,
                OrderFields.has(body, "xp") ? merged.xp() : null);
    }

    /** PUT: the whole line; {@code Quantity} is required and {@code ProductID} cannot change. */
    static LinePatch replace(ApiContext ctx, ApiRequest r, LineItem old) {
        LineItem body = ctx.body(r, LineItem.class);
        Ids.requireSame(body.id(), old.id());
        requireSameProduct(body, old);
        if (body.quantity() == null) {
            throw Errors.bad("LineItem.QuantityMustBePositive", "Line Item's Quantity must be greater than 0.");
        }
        return new LinePatch(body.quantity(), body.specs() == null ? java.util.List.of() : body.specs(), body.unitPrice(),
                body.shippingAddressID(), body.costCenter(), body.dateNeeded(),
                body.xp() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body.xp());
    }

    private static void requireSameProduct(LineItem body, LineItem old) {
        if (body.productID() != null && !body.productID().equals(old.productID())) {
            throw Errors.bad("LineItem.CannotChangeProductID", "A line item's ProductID cannot be changed.");
        }
    }
}
