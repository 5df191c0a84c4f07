package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.MarketplaceFixture.code;
import static io.orderhooks.engine.internal.MarketplaceFixture.line;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T12:00:00Z");
    static final OffsetDateTime T1 = OffsetDateTime.parse("2026-03-01T13:00:00Z");

    Shipment shipment(String id, OffsetDateTime shipped) {
        return e.shipments().create(f.seller, Shipment.builder().id(id).dateShipped(shipped).trackingNumber("TN-" + id).build());
    }

    ShipmentItem item(String shipmentID, String orderID, String lineID, int q) {
        return e.shipments().addItem(f.seller, shipmentID, ShipmentItem.builder().orderID(orderID).lineItemID(lineID).quantityShipped(q).build());
    }

    int shipped(String orderID, String lineID) {
        return e.lineItems().get(f.seller, Incoming, orderID, lineID).quantityShipped();
    }

    Order order(String id) {
        return e.orders().get(f.seller, Incoming, id);
    }

    @Test
    void partialQuantitiesOnSeveralShipmentsAddUpAndCompleteTheOrderWhenAllShipped() {
        f.submitted("O1", line("L1", "P1", 5), line("L2", "PS1", 2));
        shipment("SH1", T0);
        shipment("SH2", T0);
        ShipmentItem first = item("SH1", "O1", "L1", 3);
        assertThat(first.quantityShipped()).isEqualTo(3);
        assertThat(first.unitPrice()).isEqualByComparingTo("10.00");
        assertThat(first.product().name()).isEqualTo("Product P1");
        item("SH2", "O1", "L1", 2);
        item("SH1", "O1", "L2", 1);
        assertThat(shipped("O1", "L1")).isEqualTo(5);
        assertThat(shipped("O1", "L2")).isEqualTo(1);
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Open);
        f.clock.advance(Duration.ofHours(1));
        item("SH2", "O1", "L2", 1);
        assertThat(shipped("O1", "L2")).isEqualTo(2);
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Completed);
        assertThat(order("O1").dateCompleted()).isEqualTo(T1);
        assertThat(e.shipments().listItems(f.seller, "SH1")).extracting(ShipmentItem::lineItemID, ShipmentItem::quantityShipped)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("L1", 3), org.assertj.core.groups.Tuple.tuple("L2", 1));
        assertThat(e.shipments().get(f.seller, "SH1").buyerID()).isEqualTo("b1");
    }

    @Test
    void postingALineAgainReplacesItsQuantityOnThatShipmentAndExceedingTheOrderedQuantityIsRefused() {
        f.submitted("O1", line("L1", "P1", 5));
        shipment("SH1", null);
        shipment("SH2", null);
        item("SH1", "O1", "L1", 4);
        item("SH1", "O1", "L1", 2);
        assertThat(shipped("O1", "L1")).isEqualTo(2);
        item("SH2", "O1", "L1", 3);
        OrderCloudException ex = org.assertj.core.api.Assertions.catchThrowableOfType(OrderCloudException.class, () -> item("SH2", "O1", "L1", 4));
        assertThat(ex.errorCode()).isEqualTo("ShipmentItem.QuantityExceeded");
        assertThat(ex.status()).isEqualTo(400);
        assertThat(ex.data().get("QuantityOnOtherShipments").asInt()).isEqualTo(2);
        assertThat(shipped("O1", "L1")).isEqualTo(5);
        code(() -> item("SH2", "O1", "L1", 0), "ValidationFailure");
        code(() -> item("SH2", "O1", "NOPE", 1), "NotFound");
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Open);
    }

    @Test
    void aShipmentCreatedWithoutDateShippedCompletesTheOrderWhenPatchedWithADate() {
        f.submitted("O1", line("L1", "P1", 2));
        shipment("SH1", null);
        item("SH1", "O1", "L1", 2);
        assertThat(shipped("O1", "L1")).isEqualTo(2);
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Open);
        f.clock.advance(Duration.ofHours(1));
        Shipment patched = e.shipments().patch(f.seller, "SH1", Shipment.builder().dateShipped(T1).shipper("UPS").build());
        assertThat(patched.shipper()).isEqualTo("UPS");
        assertThat(patched.trackingNumber()).isEqualTo("TN-SH1");
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Completed);
        assertThat(order("O1").dateCompleted()).isEqualTo(T1);
    }

    @Test
    void removingItemsAndDeletingShipmentsRecomputeQuantityShipped() {
        f.submitted("O1", line("L1", "P1", 5));
        shipment("SH1", null);
        shipment("SH2", null);
        item("SH1", "O1", "L1", 2);
        item("SH2", "O1", "L1", 3);
        e.shipments().removeItem(f.seller, "SH1", "O1", "L1");
        assertThat(shipped("O1", "L1")).isEqualTo(3);
        code(() -> e.shipments().removeItem(f.seller, "SH1", "O1", "L1"), "NotFound");
        e.shipments().delete(f.seller, "SH2");
        assertThat(shipped("O1", "L1")).isEqualTo(0);
        code(() -> e.shipments().get(f.seller, "SH2"), "NotFound");
        assertThat(e.buyerShipments().listForOrder(f.u1, Outgoing, "O1")).isEmpty();
    }

    @Test
    void onlyOpenOrdersShip() {
        f.cart("O1", line("L1", "P1", 1));
        shipment("SH1", T0);
        code(() -> item("SH1", "O1", "L1", 1), "Order.CannotShipBadStatus");
        code(() -> e.fulfillment().ship(f.seller, Incoming, "O1", null), "Order.CannotShipBadStatus");
        assertThat(e.shipments().listItems(f.seller, "SH1")).isEmpty();
        f.submit("O1");
        e.fulfillment().complete(f.seller, Incoming, "O1");
        code(() -> item("SH1", "O1", "L1", 1), "Order.CannotShipBadStatus");
    }

    @Test
    void shipPutsEveryLineOnOneShipmentAndCompletesTheOrder() {
        f.submitted("O1", line("L1", "P1", 5), line("L2", "PS1", 2));
        Shipment sh = e.fulfillment().ship(f.seller, Incoming, "O1", Shipment.builder().id("SHX").trackingNumber("1Z").build());
        assertThat(sh.dateShipped()).isEqualTo(T0);
        assertThat(sh.buyerID()).isEqualTo("b1");
        assertThat(e.shipments().listItems(f.seller, "SHX")).extracting(ShipmentItem::quantityShipped).containsExactly(5, 2);
        assertThat(order("O1").status()).isEqualTo(OrderStatus.Completed);
        assertThat(order("O1").dateCompleted()).isEqualTo(T0);
        code(() -> e.fulfillment().ship(f.seller, Incoming, "O1", null), "Order.CannotShipBadStatus");
    }

    @Test
    void shipRefusesAnOrderWhoseLinesAreAlreadyOnShipmentsAndListsThem() {
        f.submitted("O1", line("L1", "P1", 5), line("L2", "PS1", 2));
        shipment("SH1", null);
        item("SH1", "O1", "L2", 1);
        OrderCloudException ex = org.assertj.core.api.Assertions.catchThrowableOfType(OrderCloudException.class,
                () -> e.fulfillment().ship(f.seller, Incoming, "O1", null));
        assertThat(ex.errorCode()).isEqualTo("Order.ConflictsWithOtherShipments");
        assertThat(ex.data().size()).isEqualTo(1);
        assertThat(ex.data().get(0).get("ID").asText()).isEqualTo("L2");
        assertThat(ex.data().get(0).get("QuantityShipped").asInt()).isEqualTo(1);
        assertThat(e.shipments().list(f.seller)).extracting(Shipment::id).containsExactly("SH1");
    }

    @Test
    void completeIsOnlyForOpenOrders() {
        f.cart("O1", line("L1", "P1", 1));
        code(() -> e.fulfillment().complete(f.seller, Incoming, "O1"), "Order.CannotCompleteBadStatus");
        f.submit("O1");
        f.clock.advance(Duration.ofHours(1));
        Order o = e.fulfillment().complete(f.seller, Incoming, "O1");
        assertThat(o.status()).isEqualTo(OrderStatus.Completed);
        assertThat(o.dateCompleted()).isEqualTo(T1);
        code(() -> e.fulfillment().complete(f.seller, Incoming, "O1"), "Order.CannotCompleteBadStatus");
    }

    @Test
    void onlyTheSellerAndSuppliersWithShipmentAdminManageShipments() {
        f.submitted("O1", line("L1", "P1", 1));
        code(() -> e.shipments().create(f.u1, Shipment.builder().id("B").build()), 403, "Auth.UserNotAuthorizedToAdmin");
        Caller reader = Caller.seller("ro", "seller", "adminclient", "ShipmentReader");
        code(() -> e.shipments().create(reader, Shipment.builder().id("B").build()), 403, "Auth.InsufficientRoles");
        shipment("SH1", null);
        code(() -> e.shipments().get(f.s1, "SH1"), 404, "NotFound");
        Shipment own = e.shipments().create(f.s1, Shipment.builder().id("SS1").ownerID("S2").build());
        assertThat(own.ownerID()).isEqualTo("S1");
        assertThat(e.shipments().list(f.s1)).extracting(Shipment::id).containsExactly("SS1");
        assertThat(e.shipments().list(f.seller)).extracting(Shipment::id).containsExactly("SH1", "SS1");
        code(() -> e.shipments().addItem(f.s1, "SS1", ShipmentItem.builder().orderID("O1").lineItemID("L1").quantityShipped(1).build()), 404, "NotFound");
        code(() -> e.fulfillment().ship(f.s1, Incoming, "O1", null), 404, "NotFound");
        code(() -> shipment("SH1", null), 409, "IdExists");
    }

    @Test
    void buyersSeeTheShipmentsOfTheirOwnOrders() {
        f.submitted("O1", line("L1", "P1", 2));
        e.fulfillment().ship(f.seller, Incoming, "O1", Shipment.builder().id("SH1").build());
        assertThat(e.buyerShipments().listMine(f.u1)).extracting(Shipment::id).containsExactly("SH1");
        assertThat(e.buyerShipments().listMine(f.x1)).isEmpty();
        assertThat(e.buyerShipments().listForOrder(f.u1, Outgoing, "O1")).extracting(Shipment::id).containsExactly("SH1");
        ShipmentItem i = e.buyerShipments().listMyItems(f.u1, "SH1").get(0);
        assertThat(i.orderID()).isEqualTo("O1");
        assertThat(i.quantityShipped()).isEqualTo(2);
        assertThat(i.product().id()).isEqualTo("P1");
        code(() -> e.buyerShipments().getMine(f.x1, "SH1"), "NotFound");
        code(() -> e.buyerShipments().listMine(f.seller), 403, "Auth.UserNotAuthorizedToAdmin");
        assertThat(e.lineItems().get(f.u1, Outgoing, "O1", "L1")).extracting(LineItem::quantityShipped).isEqualTo(2);
    }
}
