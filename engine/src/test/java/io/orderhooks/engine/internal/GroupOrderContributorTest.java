package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.All;
import static io.orderhooks.engine.internal.orders.Direction.Incoming;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.grouporders.GroupOrderService;
import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.engine.internal.orders.OrderPatch;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.GroupOrderInvitation;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.Payment;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a group-order contributor caller may and may not do, enforced by the engine whatever the route. */
class GroupOrderContributorTest {

    private final EngineFixture f = new EngineFixture();
    private final GroupOrderService groups = f.engine.groupOrders();
    private final OffsetDateTime now = OffsetDateTime.parse("2026-03-01T12:00:00Z");
    private final GroupOrderInvitation ann;
    private final GroupOrderInvitation bob;
    private final Caller annC;
    private final Caller bobC;

    GroupOrderContributorTest() {
        f.engine.orders().create(f.u1, Order.builder().id("LUNCH").build());
        ann = groups.create(f.u1, new GroupOrderInvitation(null, "Ann", "LUNCH", now.plusHours(2), null, null));
        bob = groups.create(f.u1, new GroupOrderInvitation(null, "Bob", "LUNCH", now.plusHours(2), null, null));
        annC = groups.contributorGrant(ann.id()).caller("client");
        bobC = groups.contributorGrant(bob.id()).caller("client");
    }

    private LineItem add(Caller c, String productID, int qty) {
        return f.engine.lineItems().add(c, Outgoing, "LUNCH", LineItem.builder().productID(productID).quantity(qty).build());
    }

    private OrderState state() {
        return f.engine.context().store().order("LUNCH").orElseThrow();
    }

    private static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    void contributorLinesCarryTheInvitationIdWhichBodiesCannotSet() {
        LineItem l = f.engine.lineItems().add(annC, Outgoing, "LUNCH", LineItem.builder().productID("P1").quantity(2)
                .invitationID("forged").xp(OrderCloudJson.mapper().createObjectNode().put("Name", "Ann")).build());
        assertThat(l.invitationID()).isEqualTo(ann.id());
        assertThat(l.xp().get("Name").asText()).isEqualTo("Ann");
        assertThat(l.unitPrice()).isEqualByComparingTo("10.00");
        LineItem mine = f.engine.lineItems().add(f.u1, Outgoing, "LUNCH", LineItem.builder().productID("P1").quantity(1).invitationID(ann.id()).build());
        assertThat(mine.invitationID()).isNull();
        LineItem edited = f.engine.lineItems().patch(f.u1, Outgoing, "LUNCH", l.id(), LinePatch.quantity(3));
        assertThat(edited.invitationID()).isEqualTo(ann.id());
    }

    @Test
    void perPersonInvitationsSeeAndChangeOnlyTheirOwnLines() {
        LineItem a = add(annC, "P1", 1);
        LineItem b = add(bobC, "P1", 2);
        LineItem own = add(f.u1, "P1", 3);
        assertThat(f.engine.lineItems().list(annC, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(a.id());
        assertThat(f.engine.lineItems().list(bobC, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(b.id());
        assertThat(f.engine.lineItems().list(f.u1, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(a.id(), b.id(), own.id());
        OrderState before = state();
        assertError(() -> f.engine.lineItems().get(annC, Outgoing, "LUNCH", b.id()), 404, "NotFound");
        assertError(() -> f.engine.lineItems().get(annC, Outgoing, "LUNCH", own.id()), 404, "NotFound");
        assertError(() -> f.engine.lineItems().patch(annC, Outgoing, "LUNCH", b.id(), LinePatch.quantity(9)), 404, "NotFound");
        assertError(() -> f.engine.lineItems().delete(annC, Outgoing, "LUNCH", own.id()), 404, "NotFound");
        assertThat(state()).isEqualTo(before);
        assertThat(f.engine.lineItems().patch(annC, Outgoing, "LUNCH", a.id(), LinePatch.quantity(4)).quantity()).isEqualTo(4);
        f.engine.lineItems().delete(bobC, Outgoing, "LUNCH", b.id());
        assertThat(f.engine.lineItems().list(f.u1, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(a.id(), own.id());
    }

    @Test
    void everyoneSharingOneInvitationSeesEachOthersLines() {
        Caller carol = groups.contributorGrant(ann.id()).caller("other-client");
        LineItem a = add(annC, "P1", 1);
        LineItem c = add(carol, "P1", 1);
        assertThat(f.engine.lineItems().list(carol, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(a.id(), c.id());
        assertThat(f.engine.lineItems().patch(carol, Outgoing, "LUNCH", a.id(), LinePatch.quantity(2)).quantity()).isEqualTo(2);
    }

    @Test
    void lineItemsFilterOnInvitationId() {
        LineItem a = add(annC, "P1", 1);
        add(bobC, "P1", 1);
        add(f.u1, "P1", 1);
        List<LineItem> all = f.engine.lineItems().list(f.u1, Outgoing, "LUNCH");
        ListQuery q = ListQuery.parse(Map.of("InvitationID", List.of(ann.id())), QuerySchema.forType(LineItem.class).build());
        assertThat(q.apply(all, PropertyReaders.forRecord(LineItem.class)).items()).containsExactly(a);
    }

    @Test
    void aContributorReadsItsOrderButNoOther() {
        add(annC, "P1", 1);
        assertThat(f.engine.orders().get(annC, Outgoing, "LUNCH").lineItemCount()).isEqualTo(1);
        assertThat(f.engine.orders().get(annC, All, "LUNCH").id()).isEqualTo("LUNCH");
        assertError(() -> f.engine.orders().get(annC, Incoming, "LUNCH"), 404, "NotFound");
        f.engine.orders().create(f.u1, Order.builder().id("PRIVATE").build());
        assertError(() -> f.engine.orders().get(annC, Outgoing, "PRIVATE"), 404, "NotFound");
        assertError(() -> f.engine.lineItems().list(annC, Outgoing, "PRIVATE"), 404, "NotFound");
        assertError(() -> f.engine.lineItems().add(annC, Outgoing, "PRIVATE", LineItem.builder().productID("P1").quantity(1).build()), 404, "NotFound");
    }

    @Test
    void contributorsBrowseAndBuyExactlyWhatTheCreatorMay() {
        var cat = f.engine.catalog();
        cat.saveCatalog(f.seller, Catalog.builder().id("cat3").name("Team").build());
        cat.assignCatalog(f.seller, new CatalogAssignment("cat3", "b1", true, false));
        cat.createProduct(f.seller, Product.builder().id("P2").name("Salad").active(true).defaultPriceScheduleID("ps1").build());
        cat.assignProductToCatalog(f.seller, new ProductCatalogAssignment("cat3", "P2"));
        f.engine.orgs().saveUserGroup(f.seller, "b1", new UserGroup("g1", "Team", null, null));
        f.engine.orgs().assignUserToGroup(f.seller, "b1", new UserGroupAssignment("g1", "u1"));
        cat.assignProduct(f.seller, new ProductAssignment(null, "P2", "b1", "g1", null));
        cat.createProduct(f.seller, Product.builder().id("P3").name("Other").active(true).defaultPriceScheduleID("ps1").build());
        cat.assignProductToCatalog(f.seller, new ProductCatalogAssignment("cat2", "P3"));

        assertThat(cat.listProducts(f.u2)).extracting(Product::id).containsExactly("P1");
        assertThat(cat.listProducts(annC)).extracting(Product::id).containsExactly("P1", "P2");
        assertThat(cat.getProduct(annC, "P2").id()).isEqualTo("P2");
        assertError(() -> cat.getProduct(annC, "P3"), 404, "NotFound");
        assertThat(add(annC, "P2", 1).productID()).isEqualTo("P2");
        assertError(() -> add(annC, "P3", 1), 404, "NotFound");
    }

    @Test
    void contributorsCannotTouchAnythingElseAndNothingChanges() {
        add(annC, "P1", 1);
        add(f.u1, "P1", 1);
        OrderState before = state();
        String forbidden = "Auth.InsufficientRoles";
        assertError(() -> f.engine.submit().submit(annC, Outgoing, "LUNCH", "tok"), 403, forbidden);
        assertError(() -> f.engine.orders().patch(annC, Outgoing, "LUNCH", new OrderPatch("hi", null, null, null, null, null, null)), 403, forbidden);
        assertError(() -> f.engine.orders().delete(annC, Outgoing, "LUNCH"), 403, forbidden);
        assertError(() -> f.engine.orders().setShippingAddress(annC, Outgoing, "LUNCH", Address.builder().street1("1 Main").build()), 403, forbidden);
        assertError(() -> f.engine.orders().setBillingAddress(annC, Outgoing, "LUNCH", Address.builder().street1("1 Main").build()), 403, forbidden);
        assertError(() -> f.engine.orders().create(annC, Order.builder().id("MINE").build()), 403, forbidden);
        assertError(() -> f.engine.orders().list(annC, Outgoing), 403, forbidden);
        assertError(() -> f.engine.orders().listApprovable(annC), 403, forbidden);
        assertError(() -> f.engine.payments().create(annC, Outgoing, "LUNCH", Payment.builder().type("PurchaseOrder").build()), 403, forbidden);
        assertError(() -> f.engine.payments().list(annC, Outgoing, "LUNCH"), 403, forbidden);
        assertError(() -> f.engine.checkout().worksheet(annC, Outgoing, "LUNCH"), 403, forbidden);
        assertError(() -> f.engine.checkout().estimateShipping(annC, Outgoing, "LUNCH", "tok"), 403, forbidden);
        assertError(() -> f.engine.checkout().calculate(annC, Outgoing, "LUNCH", "tok"), 403, forbidden);
        assertError(() -> f.engine.promotions().apply(annC, Outgoing, "LUNCH", "CODE"), 403, forbidden);
        assertError(() -> f.engine.promotions().listOnOrder(annC, Outgoing, "LUNCH"), 403, forbidden);
        assertError(() -> f.engine.promotions().list(annC), 403, forbidden);
        assertError(() -> f.engine.addresses().listAddresses(annC, "b1"), 403, forbidden);
        assertError(() -> f.engine.spendingAccounts().list(annC, "b1"), 403, forbidden);
        assertError(() -> f.engine.orgs().listUsers(annC, "b1"), 403, forbidden);
        assertError(() -> f.engine.lineItems().add(annC, Outgoing, "LUNCH", LineItem.builder().productID("P1").quantity(1).shippingAddressID("a1").build()), 403, forbidden);
        assertThat(state()).isEqualTo(before);
        assertThat(f.calls).isEmpty();
    }

    @Test
    void onlyTheCreatorSubmitsAndAfterThatContributorsOnlyRead() {
        LineItem a = add(annC, "P1", 1);
        add(bobC, "P1", 2);
        Order submitted = f.engine.submit().submit(f.u1Plain, Outgoing, "LUNCH", "tok");
        assertThat(submitted.status()).isEqualTo(OrderStatus.Open);
        assertThat(submitted.subtotal()).isEqualByComparingTo("30.00");
        OrderState before = state();
        String code = "GroupOrder.CannotModifySubmittedOrder";
        assertError(() -> add(annC, "P1", 1), 400, code);
        assertError(() -> f.engine.lineItems().patch(annC, Outgoing, "LUNCH", a.id(), LinePatch.quantity(5)), 400, code);
        assertError(() -> f.engine.lineItems().delete(annC, Outgoing, "LUNCH", a.id()), 400, code);
        assertThat(state()).isEqualTo(before);
        assertThat(f.engine.orders().get(annC, Outgoing, "LUNCH").status()).isEqualTo(OrderStatus.Open);
        assertThat(f.engine.lineItems().list(annC, Outgoing, "LUNCH")).extracting(LineItem::id).containsExactly(a.id());
    }

    @Test
    void aTokenStopsWorkingWhenItsInvitationExpiresOrIsDeleted() {
        LineItem a = add(annC, "P1", 1);
        groups.delete(f.u1, bob.id());
        String code = "GroupOrderInvitation.InvitationExpired";
        assertError(() -> add(bobC, "P1", 1), 401, code);
        assertError(() -> f.engine.orders().get(bobC, Outgoing, "LUNCH"), 401, code);
        assertError(() -> f.engine.catalog().listProducts(bobC), 401, code);
        f.clock.advance(Duration.ofHours(2));
        assertError(() -> f.engine.lineItems().list(annC, Outgoing, "LUNCH"), 401, code);
        assertError(() -> f.engine.lineItems().delete(annC, Outgoing, "LUNCH", a.id()), 401, code);
        assertThat(f.engine.lineItems().list(f.u1, Outgoing, "LUNCH")).containsExactly(a);
    }

    @Test
    void threeContributorsAddingConcurrentlyLoseNothing() throws Exception {
        Caller carol = groups.contributorGrant(ann.id()).caller("client");
        List<Caller> people = List.of(annC, bobC, carol);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LineItem>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Caller c = people.get(i % 3);
            futures.add(pool.submit(() -> {
                start.await();
                return add(c, "P1", 1);
            }));
        }
        start.countDown();
        for (Future<LineItem> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(f.engine.lineItems().list(f.u1, Outgoing, "LUNCH")).hasSize(60);
        assertThat(f.engine.lineItems().list(annC, Outgoing, "LUNCH")).hasSize(40);
        assertThat(f.engine.lineItems().list(bobC, Outgoing, "LUNCH")).hasSize(20);
        assertThat(f.engine.orders().get(f.u1, Outgoing, "LUNCH").subtotal()).isEqualByComparingTo("600.00");
    }
}
