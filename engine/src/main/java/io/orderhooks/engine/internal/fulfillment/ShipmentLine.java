package io.orderhooks.engine.internal.fulfillment;

import io.orderhooks.engine.internal.store.Table;
import java.util.Objects;

/**
 * How a shipment item is stored: a quantity of one order line on one shipment. Kept in {@link #TABLE} under
 * {@link #key} = {@code orderID/lineItemID/shipmentID}, so an order's items are one prefix scan; only changed under
 * the lock of {@link #orderID()} (see {@code Store.withOrder}). The wire {@code ShipmentItem} is built from it and the
 * line it points to.
 */
public record ShipmentLine(String shipmentID, String orderID, String lineItemID, int quantity) {

    /** The table of every shipment item. */
    public static final Table<ShipmentLine> TABLE = Table.of("shipmentitems", ShipmentLine.class);

    public ShipmentLine {
        Objects.requireNonNull(shipmentID, "shipmentID");
        Objects.requireNonNull(orderID, "orderID");
        Objects.requireNonNull(lineItemID, "lineItemID");
    }

    public String key() {
        return key(orderID, lineItemID, shipmentID);
    }

    public static String key(String orderID, String lineItemID, String shipmentID) {
        return Table.key(orderID, lineItemID, shipmentID);
    }
}
