package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.engine.internal.orders.OrderPatch;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.ShipMethodSelection;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OrderCheckoutTest {

    final EngineFixture f = new EngineFixture();
    final Engine e = f.engine;

    Order cart(Caller c) {
        return e.orders().create(c, Order.builder().id("O1").build());
    }

    LineItem add(Caller c, String orderID, int q) {
        return e.lineItems().add(c, Outgoing, orderID, LineItem.builder().productID("P1").quantity(q).build());
    }

    static void code(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(OrderCloudException.class).extracting(x -> ((OrderCloudException) x).errorCode()).isEqualTo(code);
    }

    @Test
    void createsAnOrderWithDefaultsFromTheUserAndPricesLines() {
        Order o = cart(f.u1);
        assertThat(o.fromUserID()).isEqualTo("u1");
        assertThat(o.fromCompanyID()).isEqualTo("b1");
        assertThat(o.toCompanyID()).isEqualTo("seller");
        assertThat(o.fromUser().password()).isNull();
        assertThat(o.status()).isEqualTo(OrderStatus.Unsubmitted);
        LineItem l = add(f.u1, "O1", 2);
        assertThat(l.unitPrice()).isEqualByComparingTo("10.00");
        assertThat(l.lineSubtotal()).isEqualByComparingTo("20.00");
        assertThat(l.lineTotal()).isEqualByComparingTo("20.00");
        assertThat(l.product().name()).isEqualTo("Shirt");
        add(f.u1, "O1", 10);
        Order after = e.orders().get(f.u1, Outgoing, "O1");
        assertThat(after.subtotal()).isEqualByComparingTo("110.00");
        assertThat(after.total()).isEqualByComparingTo("110.00");
        assertThat(after.lineItemCount()).isEqualTo(2);
    }

    @Test
    void hidesOrdersAndProductsFromOtherBuyers() {
        cart(f.u1);
        code(() -> e.orders().get(f.x1, Outgoing, "O1"), "NotFound");
        code(() -> e.orders().get(f.u2, Outgoing, "O1"), "NotFound");
        code(() -> e.orders().get(f.u1, Incoming, "O1"), "NotFound");
        assertThat(e.orders().list(f.seller, Incoming)).extracting(Order::id).containsExactly("O1");
        assertThat(e.catalog().listProducts(f.x1)).isEmpty();
        assertThat(e.catalog().listProducts(f.u1)).extracting(p -> p.id()).containsExactly("P1");
        e.orders().create(f.x1, Order.builder().id("O2").build());
        code(() -> add(f.x1, "O2", 1), "NotFound");
    }

    @Test
    void everyChangeThatCanMoveTheTotalClearsEstimatesAndCalculation() {
        f.standardMiddleware();
        e.addresses().saveAddress(f.seller, "b1", Address.builder().id("home").street1("1 Main").build());
        e.addresses().assign(f.seller, "b1", new io.orderhooks.core.model.AddressAssignment("home", null, null, true, true));
        cart(f.u1);
        LineItem l = add(f.u1, "O1", 2);
        var xp = OrderCloudJson.mapper().createObjectNode().put("gift", true);
        List<Consumer<Void>> changes = List.of(
                v -> add(f.u1, "O1", 1),
                v -> e.lineItems().patch(f.u1, Outgoing, "O1", l.id(), LinePatch.quantity(3)),
                v -> e.lineItems().patch(f.u1, Outgoing, "O1", l.id(), LinePatch.xp(xp)),
                v -> e.orders().patch(f.u1, Outgoing, "O1", OrderPatch.xp(xp)),
                v -> e.orders().setShippingAddress(f.u1, Outgoing, "O1", Address.builder().id("home").build()),
                v -> e.orders().setBillingAddress(f.u1, Outgoing, "O1", Address.builder().street1("9 Elm").build()),
                v -> e.lineItems().delete(f.u1, Outgoing, "O1", e.lineItems().list(f.u1, Outgoing, "O1").get(1).id()));
        for (Consumer<Void> change : changes) {
            calculated();
            change.accept(null);
            OrderWorksheet ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
            assertThat(ws.shipEstimateResponse()).isNull();
            assertThat(ws.orderCalculateResponse()).isNull();
            assertThat(ws.order().shippingCost()).isEqualByComparingTo("0");
            assertThat(ws.order().taxCost()).isEqualByComparingTo("0");
        }
        calculated();
        e.orders().patch(f.u1, Outgoing, "O1", OrderPatch.comments("leave at door"));
        assertThat(e.checkout().worksheet(f.u1, Outgoing, "O1").orderCalculateResponse()).as("comments do not move the total").isNotNull();
    }

    void calculated() {
        e.checkout().estimateShipping(f.u1, Outgoing, "O1", "tok");
        e.checkout().selectShipMethods(f.u1, Outgoing, "O1", List.of(new ShipMethodSelection("e1", "air")));
        OrderWorksheet ws = e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(ws.order().shippingCost()).isEqualByComparingTo("15.00");
        assertThat(ws.order().taxCost()).isEqualByComparingTo("2.00");
        assertThat(ws.order().total()).isEqualByComparingTo(ws.order().subtotal().add(new BigDecimal("17.00")));
    }

    @Test
    void calculateAppliesLineOverridesAndTotals() {
        cart(f.u1);
        LineItem a = add(f.u1, "O1", 2);
        LineItem b = add(f.u1, "O1", 1);
        f.integration.set(c -> EngineFixture.ok("{\"LineItemOverrides\":[{\"LineItemID\":\"" + a.id() + "\",\"UnitPrice\":7.25},"
                + "{\"LineItemID\":\"" + b.id() + "\",\"Remove\":true}],\"ShippingTotal\":4.00,\"TaxTotal\":1.16,\"FeeTotal\":0.50}"));
        OrderWorksheet ws = e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(ws.lineItems()).hasSize(1);
        assertThat(ws.lineItems().get(0).lineSubtotal()).isEqualByComparingTo("14.50");
        assertThat(ws.order().total()).isEqualByComparingTo("20.16");
        assertThat(ws.orderCalculateResponse().httpStatusCode()).isEqualTo(200);
        assertThat(ws.orderCalculateResponse().succeeded()).isTrue();
    }

    @Test
    void aFailedCalculateIsRecordedAndTheOrderCannotBeSubmitted() {
        cart(f.u1);
        add(f.u1, "O1", 2);
        f.integration.set(c -> new DeliveryOutcome.Rejected(500, "boom".getBytes(), Duration.ZERO));
        OrderWorksheet ws = e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        assertThat(ws.orderCalculateResponse().succeeded()).isFalse();
        assertThat(ws.orderCalculateResponse().httpStatusCode()).isEqualTo(500);
        assertThat(ws.orderCalculateResponse().unhandledErrorBody()).isEqualTo("boom");
        f.integration.set(c -> EngineFixture.ok("not json"));
        assertThat(e.checkout().estimateShipping(f.u1, Outgoing, "O1", "tok").shipEstimateResponse().succeeded()).isFalse();
        code(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "Order.CannotSubmitUncalculatedOrder");
        code(() -> e.checkout().selectShipMethods(f.u1, Outgoing, "O1", List.of(new ShipMethodSelection("e1", "air"))),
                "IntegrationEvent.MustCalculateShipping");
    }

    @Test
    void submitRefusesEachBadOrderWithOrderCloudsCode() {
        cart(f.u1);
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Order.CannotSubmitWithNoLineItems");
        add(f.u1, "O1", 2);
        code(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "Order.CannotSubmitUncalculatedOrder");
        Payment po = e.payments().create(f.u1, Outgoing, "O1", Payment.builder().type("PurchaseOrder").amount(new BigDecimal("5.00")).build());
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Order.CannotSubmitWithUnaccceptedPayments");
        e.payments().patch(f.seller, Incoming, "O1", po.id(), true, null, null);
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Order.CannotSubmitPaymentsDoNotCoverTotal");
        e.payments().patch(f.seller, Incoming, "O1", po.id(), null, new BigDecimal("20.00"), null);
        e.catalog().saveProduct(f.seller, "P1", e.catalog().getProduct(f.seller, "P1").toBuilder().inventory(
                new io.orderhooks.core.model.Inventory(true, null, false, false, 1, null)).build());
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Inventory.Insufficient");
        e.catalog().saveProduct(f.seller, "P1", e.catalog().getProduct(f.seller, "P1").toBuilder().inventory(
                new io.orderhooks.core.model.Inventory(true, null, false, false, 5, null)).build());
        Order submitted = e.submit().submit(f.u1Plain, Outgoing, "O1", "tok");
        assertThat(submitted.status()).isEqualTo(OrderStatus.Open);
        assertThat(submitted.dateSubmitted()).isEqualTo(f.engine.context().now());
        assertThat(e.catalog().getProduct(f.seller, "P1").inventory().quantityAvailable()).isEqualTo(3);
        code(() -> e.submit().submit(f.u1Plain, Outgoing, "O1", "tok"), "Order.CannotSubmitBadStatus");
        code(() -> add(f.u1, "O1", 1), "Order.CannotModifyBadStatus");
    }

    @Test
    void aFailedOrderSubmitLeavesTheOrderUnsubmittedAndARetryReusesTheIdempotencyKey() {
        f.standardMiddleware();
        cart(f.u1);
        add(f.u1, "O1", 2);
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        f.integration.set(c -> new DeliveryOutcome.TimedOut(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        code(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "IntegrationEvent.Timeout");
        OrderWorksheet ws = e.checkout().worksheet(f.u1, Outgoing, "O1");
        assertThat(ws.order().status()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(ws.orderSubmitResponse().succeeded()).isFalse();
        assertThat(ws.orderSubmitResponse().unhandledErrorBody()).isEqualTo("timed out after 10000 ms");
        f.standardMiddleware();
        Order o = e.submit().submit(f.u1, Outgoing, "O1", "tok");
        assertThat(o.status()).isEqualTo(OrderStatus.Open);
        List<String> keys = f.calls.stream().filter(c -> c.type() == CheckoutEventType.ORDER_SUBMIT).map(c -> c.idempotencyKey()).toList();
        assertThat(keys).containsExactly("O1/ordersubmit/1", "O1/ordersubmit/1");
        assertThat(e.checkout().worksheet(f.u1, Outgoing, "O1").orderSubmitResponse().xp().get("Exported").asBoolean()).isTrue();
    }
}
