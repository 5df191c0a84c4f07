package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.MarketplaceFixture.code;
import static io.orderhooks.engine.internal.MarketplaceFixture.line;
import static io.orderhooks.engine.internal.orders.Direction.All;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApprovalInfo;
import io.orderhooks.core.model.OrderSplitResult;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.ShipmentItem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForwardingTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T12:00:00Z");

    void threeSupplierLines() {
        f.submitted("O1", line("L1", "P1", 4), line("L2", "PS1", 3), line("L3", "PS2", 2), line("L4", "PS1", 1));
    }

    int shipped(String orderID, String lineID) {
        return e.lineItems().get(f.seller, All, orderID, lineID).quantityShipped();
    }

    void supplierShips(Caller supplier, String shipmentID, String orderID, String lineID, int q, OffsetDateTime date) {
        if (e.shipments().list(supplier).stream().noneMatch(s -> s.id().equals(shipmentID))) {
            e.shipments().create(supplier, Shipment.builder().id(shipmentID).dateShipped(date).build());
        }
        e.shipments().addItem(supplier, shipmentID, ShipmentItem.builder().orderID(orderID).lineItemID(lineID).quantityShipped(q).build());
    }

    @Test
    void splitCreatesOneOutgoingOrderPerSupplierWithCopiesOfItsLines() {
        threeSupplierLines();
        OrderSplitResult r = e.forwarding().split(f.seller, Incoming, "O1");
        assertThat(r.outgoingOrders()).extracting(Order::id).containsExactly("O1-S1", "O1-S2");
        assertThat(r.remainingLineItemIDs()).containsExactly("L1");
        Order s1 = r.outgoingOrders().get(0);
        assertThat(s1.fromCompanyID()).isEqualTo("seller");
        assertThat(s1.toCompanyID()).isEqualTo("S1");
        assertThat(s1.status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(s1.subtotal()).isEqualByComparingTo("80.00");
        assertThat(s1.lineItemCount()).isEqualTo(2);
        List<LineItem> copies = e.lineItems().list(f.s1, Incoming, "O1-S1");
        assertThat(copies).extracting(LineItem::id).containsExactly("L2", "L4");
        assertThat(copies).allSatisfy(l -> {
            assertThat(l.incomingOrderID()).isEqualTo("O1");
            assertThat(l.outgoingOrderID()).isEqualTo("O1-S1");
        });
        LineItem buyerSide = e.lineItems().get(f.seller, Incoming, "O1", "L3");
        assertThat(buyerSide.incomingOrderID()).isEqualTo("O1");
        assertThat(buyerSide.outgoingOrderID()).isEqualTo("O1-S2");
        assertThat(e.lineItems().get(f.seller, Incoming, "O1", "L1").outgoingOrderID()).isNull();
        assertThat(e.orders().list(f.s2, Incoming)).extracting(Order::id).containsExactly("O1-S2");
        assertThat(e.orders().list(f.seller, Outgoing)).extracting(Order::id).containsExactly("O1-S1", "O1-S2");
        OrderSplitResult again = e.forwarding().split(f.seller, Incoming, "O1");
        assertThat(again.outgoingOrders()).isEmpty();
        assertThat(again.remainingLineItemIDs()).containsExactly("L1");
    }

    @Test
    void splitIsForTheSellerAndIncomingOpenOrdersOnly() {
        f.cart("O0", line("L1", "PS1", 1));
        code(() -> e.forwarding().split(f.seller, Incoming, "O0"), "Order.CannotSplitBadStatus");
        threeSupplierLines();
        code(() -> e.forwarding().split(f.s1, Incoming, "O1"), "Order.CannotSplitWrongUserType");
        code(() -> e.forwarding().forward(f.u1, Outgoing, "O1"), "Order.CannotSplitWrongUserType");
        code(() -> e.forwarding().split(f.seller, Outgoing, "O1"), "NotFound");
        e.forwarding().split(f.seller, Incoming, "O1");
        code(() -> e.forwarding().split(f.seller, Outgoing, "O1-S1"), "Order.CannotSplitOutgoing");
        code(() -> e.forwarding().split(f.seller, All, "O1-S1"), "Order.CannotSplitOutgoing");
    }

    @Test
    void forwardSubmitsTheOutgoingOrdersAndAForwardedOrderCannotBeDeleted() {
        threeSupplierLines();
        e.forwarding().split(f.seller, Incoming, "O1");
        e.orders().delete(f.seller, Outgoing, "O1-S2");
        f.clock.advance(Duration.ofMinutes(5));
        OrderSplitResult r = e.forwarding().forward(f.seller, Incoming, "O1");
        assertThat(r.outgoingOrders()).extracting(Order::id).containsExactly("O1-S2", "O1-S1");
        assertThat(r.outgoingOrders()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.Open);
            assertThat(o.dateSubmitted()).isEqualTo(T0.plusMinutes(5));
        });
        assertThat(f.callTypes()).containsExactly(io.orderhooks.core.model.CheckoutEventType.ORDER_SUBMIT);
        code(() -> e.orders().delete(f.seller, Incoming, "O1"), "Order.CannotDeleteForwardedOrder");
        assertThat(f.stock("P1")).isEqualTo(96);
    }

    @Test
    void supplierShipmentsRollUpToTheBuyerOrderWhichCompletesWhenEverythingShipped() {
        threeSupplierLines();
        e.forwarding().forward(f.seller, Incoming, "O1");
        code(() -> e.shipments().addItem(f.seller, e.shipments().create(f.seller, Shipment.builder().id("X").build()).id(),
                ShipmentItem.builder().orderID("O1").lineItemID("L2").quantityShipped(1).build()), "ShipmentItem.LineForwarded");
        code(() -> supplierShips(f.s1, "A", "O1", "L2", 1, T0), "NotFound");
        code(() -> supplierShips(f.s1, "A", "O1-S2", "L3", 1, T0), "NotFound");
        supplierShips(f.s1, "A", "O1-S1", "L2", 2, T0);
        assertThat(shipped("O1-S1", "L2")).isEqualTo(2);
        assertThat(shipped("O1", "L2")).isEqualTo(2);
        supplierShips(f.s1, "A", "O1-S1", "L2", 3, T0);
        supplierShips(f.s1, "A", "O1-S1", "L4", 1, T0);
        assertThat(e.orders().get(f.s1, Incoming, "O1-S1").status()).isEqualTo(OrderStatus.Completed);
        assertThat(shipped("O1", "L2")).isEqualTo(3);
        assertThat(shipped("O1", "L4")).isEqualTo(1);
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Open);
        f.clock.advance(Duration.ofDays(1));
        Shipment rest = e.fulfillment().ship(f.seller, Incoming, "O1", null);
        assertThat(e.shipments().listItems(f.seller, rest.id())).extracting(ShipmentItem::lineItemID).containsExactly("L1");
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Open);
        f.clock.advance(Duration.ofDays(1));
        supplierShips(f.s2, "B", "O1-S2", "L3", 1, null);
        supplierShips(f.s2, "C", "O1-S2", "L3", 1, null);
        assertThat(shipped("O1", "L3")).isEqualTo(2);
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Open);
        e.shipments().patch(f.s2, "B", Shipment.builder().dateShipped(T0.plusDays(2)).build());
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Open);
        e.shipments().patch(f.s2, "C", Shipment.builder().dateShipped(T0.plusDays(2)).build());
        Order buyer = e.orders().get(f.u1, Outgoing, "O1");
        assertThat(buyer.status()).isEqualTo(OrderStatus.Completed);
        assertThat(buyer.dateCompleted()).isEqualTo(T0.plusDays(2));
        assertThat(e.buyerShipments().listMine(f.u1)).extracting(Shipment::id).containsExactly("A", rest.id(), "B", "C");
        assertThat(e.buyerShipments().listMyItems(f.u1, "A")).extracting(ShipmentItem::orderID, ShipmentItem::lineItemID)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("O1", "L2"), org.assertj.core.groups.Tuple.tuple("O1", "L4"));
        assertThat(e.shipments().get(f.s1, "A").buyerID()).isEqualTo("b1");
    }

    @Test
    void shipOnABuyerOrderWhoseLinesWereAllForwardedHasNothingToShip() {
        f.submitted("O1", line("L2", "PS1", 3));
        e.forwarding().forward(f.seller, Incoming, "O1");
        code(() -> e.fulfillment().ship(f.seller, Incoming, "O1", null), "Order.CannotShipWithNoLineItems");
        Shipment sh = e.fulfillment().ship(f.s1, Incoming, "O1-S1", null);
        assertThat(sh.ownerID()).isEqualTo("S1");
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Completed);
    }

    @Test
    void autoForwardProductsAreForwardedRightAfterSubmit() {
        Order o = f.submitted("O1", line("L1", "P1", 1), line("L5", "PA", 2), line("L2", "PS1", 1));
        assertThat(o.status()).isEqualTo(OrderStatus.Open);
        Order out = e.orders().get(f.s1, Incoming, "O1-S1");
        assertThat(out.status()).isEqualTo(OrderStatus.Open);
        assertThat(out.fromUserID()).isEqualTo("autoforward");
        assertThat(e.lineItems().list(f.s1, Incoming, "O1-S1")).extracting(LineItem::id).containsExactly("L5");
        assertThat(e.lineItems().get(f.seller, Incoming, "O1", "L2").outgoingOrderID()).isNull();
    }

    @Test
    void autoForwardWaitsForApproval() {
        f.rule("r1", "approvers", "total>5");
        f.submitted("O1", line("L5", "PA", 2));
        assertThat(e.context().store().order("O1-S1")).isEmpty();
        e.approvals().approve(f.a1, Outgoing, "O1", new OrderApprovalInfo(null, null), "t");
        assertThat(e.orders().get(f.s1, Incoming, "O1-S1").status()).isEqualTo(OrderStatus.Open);
    }

    @Test
    void twoSuppliersShippingConcurrentlyNeverLoseABuyerOrderUpdate() throws Exception {
        f.submitted("O1", line("L2", "PS1", 40), line("L3", "PS2", 40));
        e.forwarding().forward(f.seller, Incoming, "O1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Caller supplier = i % 2 == 0 ? f.s1 : f.s2;
            String sh = i % 2 == 0 ? "A" : "B";
            String order = i % 2 == 0 ? "O1-S1" : "O1-S2";
            String lineID = i % 2 == 0 ? "L2" : "L3";
            for (int k = 0; k < 2; k++) {
                String shipmentID = sh + i + "-" + k;
                futures.add(pool.submit(() -> {
                    start.await();
                    e.shipments().create(supplier, Shipment.builder().id(shipmentID).dateShipped(T0).build());
                    e.shipments().addItem(supplier, shipmentID, ShipmentItem.builder().orderID(order).lineItemID(lineID).quantityShipped(1).build());
                    return null;
                }));
            }
        }
        start.countDown();
        for (Future<?> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(shipped("O1", "L2")).isEqualTo(40);
        assertThat(shipped("O1", "L3")).isEqualTo(40);
        assertThat(e.orders().get(f.u1, Outgoing, "O1").status()).isEqualTo(OrderStatus.Completed);
        assertThat(e.orders().get(f.seller, Outgoing, "O1-S1").status()).isEqualTo(OrderStatus.Completed);
    }
}
