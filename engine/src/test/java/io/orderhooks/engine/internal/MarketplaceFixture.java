package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.approvals.ApprovalPolicy;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApproval;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Supplier;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import io.orderhooks.engine.spi.CheckoutCall;
import io.orderhooks.core.model.CheckoutEventType;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A marketplace for approvals and fulfilment: buyer b1 (shopper u1, approver a1 in group "approvers", manager m1 in
 * group "managers"), buyer b2 (x1); suppliers S1, S2; products P1 (10.00, marketplace stock 100), PS1 (20.00, S1),
 * PS2 (30.00, S2), PA (5.00, S1, AutoForward). A test approval policy: rule expression {@code total>N} holds when
 * the order total exceeds N; {@code approved:R} holds once rule R was approved.
 */
final class MarketplaceFixture extends EngineFixtureBase {

    /** A stand-in for the expression policy: enough to drive the approval flow. */
    static final ApprovalPolicy TEST_POLICY = (ws, rules, history) -> rules.stream().filter(r -> {
        String e = r.ruleExpression();
        if (e.startsWith("total>")) {
            return ws.order().total().compareTo(new BigDecimal(e.substring(6))) > 0;
        }
        String rule = e.substring("approved:".length());
        return history.stream().anyMatch(a -> rule.equals(a.approvalRuleID()) && "Approved".equals(a.status()));
    }).toList();

    final Caller a1 = Caller.buyer("a1", "b1", "client", "Shopper");
    final Caller m1 = Caller.buyer("m1", "b1", "client", "Shopper");
    final Caller s1 = Caller.supplier("s1u", "S1", "supplierclient", "ShipmentAdmin");
    final Caller s2 = Caller.supplier("s2u", "S2", "supplierclient", "ShipmentAdmin");

    MarketplaceFixture() {
        super("{\"xp\":{\"Seen\":true}}", b -> b.approvalPolicy(TEST_POLICY));
        var cat = engine.catalog();
        cat.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveBuyer(seller, new Buyer("b2", "Buyer Two", "cat", true, null, null));
        for (String[] u : new String[][] {{"b1", "u1"}, {"b1", "a1"}, {"b1", "m1"}, {"b2", "x1"}}) {
            engine.orgs().saveUser(seller, u[0], User.builder().id(u[1]).username(u[1] + "@x").password("pw-" + u[1]).firstName(u[1].toUpperCase()).active(true).build());
        }
        engine.orgs().saveUserGroup(seller, "b1", new UserGroup("approvers", "Approvers", null, null));
        engine.orgs().saveUserGroup(seller, "b1", new UserGroup("managers", "Managers", null, null));
        engine.orgs().assignUserToGroup(seller, "b1", new UserGroupAssignment("approvers", "a1"));
        engine.orgs().assignUserToGroup(seller, "b1", new UserGroupAssignment("managers", "m1"));
        engine.orgs().saveSupplier(seller, new Supplier("S1", "Supplier One", true, null, null, null));
        engine.orgs().saveSupplier(seller, new Supplier("S2", "Supplier Two", true, null, null, null));
        product("P1", "10.00", null, false, new Inventory(true, null, false, false, 100, null));
        product("PS1", "20.00", "S1", false, null);
        product("PS2", "30.00", "S2", false, null);
        product("PA", "5.00", "S1", true, null);
        saveCheckoutIntegration(OrderCloudJson.mapper().createObjectNode());
    }

    private void product(String id, String price, String supplier, boolean autoForward, Inventory inventory) {
        engine.catalog().savePriceSchedule(seller, PriceSchedule.builder().id("ps-" + id).name(id)
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal(price), null))).build());
        engine.catalog().createProduct(seller, Product.builder().id(id).name("Product " + id).active(true).defaultPriceScheduleID("ps-" + id)
                .defaultSupplierID(supplier).autoForward(autoForward).inventory(inventory).build());
        engine.catalog().assignProductToCatalog(seller, new ProductCatalogAssignment("cat", id));
    }

    void rule(String id, String group, String expression) {
        engine.approvalRules().save(seller, "b1", new ApprovalRule(id, id, null, group, expression, null));
    }

    /** A cart of u1 with lines {@code {lineID, productID, quantity}}. */
    Order cart(String orderID, Object[]... lines) {
        engine.orders().create(u1, Order.builder().id(orderID).build());
        for (Object[] l : lines) {
            engine.lineItems().add(u1, Outgoing, orderID, LineItem.builder().id((String) l[0]).productID((String) l[1]).quantity((Integer) l[2]).build());
        }
        return engine.orders().get(u1, Outgoing, orderID);
    }

    /** A cart calculated and submitted by u1 through the client with a checkout integration; forgets the calculate call. */
    Order submitted(String orderID, Object[]... lines) {
        cart(orderID, lines);
        return submit(orderID);
    }

    Order submit(String orderID) {
        engine.checkout().calculate(u1, Outgoing, orderID, "tok");
        calls.removeIf(c -> c.type() == CheckoutEventType.ORDER_CALCULATE);
        return engine.submit().submit(u1, Outgoing, orderID, "tok");
    }

    static Object[] line(String id, String product, int quantity) {
        return new Object[] {id, product, quantity};
    }

    int stock(String productID) {
        return engine.context().store().table(io.orderhooks.engine.internal.store.Tables.PRODUCTS).find(productID).orElseThrow().inventory().quantityAvailable();
    }

    List<CheckoutEventType> callTypes() {
        return calls.stream().map(CheckoutCall::type).toList();
    }

    static List<String> statuses(List<OrderApproval> approvals) {
        return approvals.stream().map(a -> a.approvalRuleID() + ":" + a.status()).toList();
    }

    static void code(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(OrderCloudException.class).extracting(x -> ((OrderCloudException) x).errorCode()).isEqualTo(code);
    }

    static void code(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOf(OrderCloudException.class)
                .extracting(x -> ((OrderCloudException) x).status() + " " + ((OrderCloudException) x).errorCode()).isEqualTo(status + " " + code);
    }
}
