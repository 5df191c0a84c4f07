package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.fulfillment.ShipmentService;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.util.Set;

/**
 * {@code v1/shipments} (+ items, shipfrom, shipto): ShipmentAdmin writes, ShipmentReader reads. PUT replaces
 * the writable fields the engine keeps; PATCH changes the named ones; {@code DateShipped} may complete orders.
 */
public final class ShipmentRoutes {

    static final Set<String> READ = roles("ShipmentReader", "ShipmentAdmin");
    static final Set<String> ADMIN = roles("ShipmentAdmin");

    private ShipmentRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        ShipmentService shipments = ctx.engine().shipments();
        t.get("v1/shipments", READ, r -> ctx.list(r, shipments.list(ctx.caller(r)), Shipment.class));
        t.post("v1/shipments", 201, ADMIN, r -> shipments.create(ctx.caller(r), ctx.body(r, Shipment.class)));
        t.get("v1/shipments/{shipmentID}", READ, r -> shipments.get(ctx.caller(r), r.param("shipmentID")));
        t.put("v1/shipments/{shipmentID}", ADMIN, r -> {
            Shipment body = ctx.body(r, Shipment.class);
            Ids.requireSame(body.id(), r.param("shipmentID"));
            return shipments.patch(ctx.caller(r), r.param("shipmentID"), body);
        });
        t.patch("v1/shipments/{shipmentID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            Shipment merged = ctx.patch(r, shipments.get(c, r.param("shipmentID")), Shipment.class);
            Ids.requireSame(merged.id(), r.param("shipmentID"));
            return shipments.patch(c, r.param("shipmentID"), merged);
        });
        t.delete("v1/shipments/{shipmentID}", ADMIN, r -> {
            shipments.delete(ctx.caller(r), r.param("shipmentID"));
            return null;
        });
        t.get("v1/shipments/{shipmentID}/items", READ, r -> ctx.list(r, shipments.listItems(ctx.caller(r), r.param("shipmentID")), ShipmentItem.class));
        t.post("v1/shipments/{shipmentID}/items", 201, ADMIN,
                r -> shipments.addItem(ctx.caller(r), r.param("shipmentID"), ctx.body(r, ShipmentItem.class)));
        t.get("v1/shipments/{shipmentID}/items/{orderID}/{lineItemID}", READ, r -> shipments.listItems(ctx.caller(r), r.param("shipmentID"))
                .stream().filter(i -> i.orderID().equals(r.param("orderID")) && i.lineItemID().equals(r.param("lineItemID")))
                .findFirst().orElseThrow(() -> Errors.notFound("ShipmentItem", r.param("lineItemID"))));
        t.delete("v1/shipments/{shipmentID}/items/{orderID}/{lineItemID}", ADMIN, r -> {
            shipments.removeItem(ctx.caller(r), r.param("shipmentID"), r.param("orderID"), r.param("lineItemID"));
            return null;
        });
        t.put("v1/shipments/{shipmentID}/shipfrom", ADMIN, r -> shipments.patch(ctx.caller(r), r.param("shipmentID"),
                Shipment.builder().fromAddress(ctx.body(r, Address.class)).build()));
        t.put("v1/shipments/{shipmentID}/shipto", ADMIN, r -> shipments.patch(ctx.caller(r), r.param("shipmentID"),
                Shipment.builder().toAddress(ctx.body(r, Address.class)).build()));
    }
}
