package io.orderhooks.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.orders.OrderState;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.orderhooks.engine.internal.query.ListQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do; run against memory, H2 and PostgreSQL by the subclasses.
 */
public abstract class StoreContract {

    protected Store store;

    /** A fresh, empty store. */
    protected abstract Store open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    protected static OrderState order(String id, String fromCompany, String fromUser, String toCompany) {
        return OrderState.of(Order.builder().id(id).fromCompanyID(fromCompany).fromUserID(fromUser).toCompanyID(toCompany).build());
    }

    protected static List<String> ids(List<OrderState> states) {
        return states.stream().map(OrderState::id).toList();
    }

    protected static Table<String> things() {
        return Table.of("things", String.class);
    }

    @Test
    void findsOrdersByCompanyOnEitherSideAndByCreatingUserInCreationOrder() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        store.createOrder(order("O2", "b2", "x1", "seller"));
        store.createOrder(order("O3", "b1", "u2", "seller"));
        store.createOrder(order("O4", "seller", "admin", "S1"));
        store.createOrder(order("O5", "b1", "u1", "seller"));
        assertThat(ids(store.ordersOfCompany("b1"))).containsExactly("O1", "O3", "O5");
        assertThat(ids(store.ordersOfCompany("seller"))).containsExactly("O1", "O2", "O3", "O4", "O5");
        assertThat(ids(store.ordersOfCompany("S1"))).containsExactly("O4");
        assertThat(ids(store.ordersFromUser("b1", "u1"))).containsExactly("O1", "O5");
        assertThat(ids(store.ordersFromUser("b2", "u1"))).isEmpty();
    }

    @Test
    void findsOrdersByStatusInCreationOrderFollowingStatusChanges() {
        for (String id : List.of("O1", "O2", "O3")) {
            OrderState o = order(id, "b1", "u1", "seller");
            store.createOrder(o.withOrder(o.order().toBuilder().status(OrderStatus.Unsubmitted).build()));
        }
        store.withOrder("O2", s -> Mutation.commit(s.withOrder(s.order().toBuilder().status(OrderStatus.AwaitingApproval).build()), null));
        assertThat(ids(store.ordersWithStatus(OrderStatus.Unsubmitted))).containsExactly("O1", "O3");
        assertThat(ids(store.ordersWithStatus(OrderStatus.AwaitingApproval))).containsExactly("O2");
        store.withOrder("O1", s -> Mutation.commit(s.withOrder(s.order().toBuilder().status(OrderStatus.AwaitingApproval).build()), null));
        store.withOrder("O3", s -> Mutation.delete(null));
        assertThat(ids(store.ordersWithStatus(OrderStatus.Unsubmitted))).isEmpty();
        assertThat(ids(store.ordersWithStatus(OrderStatus.AwaitingApproval))).as("creation order, not change order").containsExactly("O1", "O2");
        assertThat(store.ordersWithStatus(OrderStatus.Open)).isEmpty();
    }

    @Test
    void totalCountsOfCompanyListsByStatusFollowCreatesStatusAndCompanyChangesAndDeletes() {
        for (int i = 0; i < 90; i++) {
            OrderState o = order("O" + i, i % 3 == 0 ? "b2" : "b1", "u1", "seller");
            store.createOrder(o.withOrder(o.order().toBuilder().status(OrderStatus.Unsubmitted).build()));
        }
        for (int i = 0; i < 80; i++) {
            OrderStatus next = i % 2 == 0 ? OrderStatus.Open : OrderStatus.Completed;
            store.withOrder("O" + i, s -> Mutation.commit(s.withOrder(s.order().toBuilder().status(next).build()), null));
        }
        store.withOrder("O1", s -> Mutation.commit(s.withOrder(s.order().toBuilder().fromCompanyID("b2").build()), null));
        for (int round = 0; round < 2; round++) {
            // the second round reads what the first one's counting may have folded
            assertThat(totalCount("seller", OrderListScope.Side.TO, "")).isEqualTo(90);
            assertThat(totalCount("seller", OrderListScope.Side.TO, "Status=Open")).isEqualTo(40);
            assertThat(totalCount("seller", OrderListScope.Side.TO, "Status=!Open")).isEqualTo(50);
            assertThat(totalCount("b1", OrderListScope.Side.FROM, "Status=Open|Unsubmitted")).isEqualTo(33);
            assertThat(totalCount("b2", OrderListScope.Side.FROM, "Status=Completed")).isEqualTo(14);
            assertThat(totalCount("b1", OrderListScope.Side.TO, "")).isZero();
        }
        for (int i = 0; i < 10; i++) {
            store.withOrder("O" + (2 * i), s -> Mutation.delete(null));
        }
        assertThat(totalCount("seller", OrderListScope.Side.TO, "Status=Open")).isEqualTo(30);
        assertThat(totalCount("seller", OrderListScope.Side.TO, "Status=Open|Completed|Unsubmitted")).isEqualTo(80);
    }

    private long totalCount(String company, OrderListScope.Side side, String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            params.put(query.substring(0, query.indexOf('=')), List.of(query.substring(query.indexOf('=') + 1)));
        }
        ListQuery q = ListQuery.parse(params, OrderListContract.SCHEMA);
        return store.listOrders(new OrderListScope(company, side, OrderListScope.DateField.CREATED, null, null), q)
                .meta().totalCount();
    }

    @Test
    void listsUnsubmittedOrdersSharedWithTheOrganizationAsSharedCartsFollowingChanges() {
        for (String id : List.of("O1", "O2", "O3", "O4")) {
            OrderState o = order(id, "b1", "u1", "seller");
            store.createOrder(o.withOrder(o.order().toBuilder().status(OrderStatus.Unsubmitted)
                    .sharedWithOrganization(!id.equals("O2")).build()));
        }
        assertThat(ids(store.sharedCarts())).containsExactly("O1", "O3", "O4");
        store.withOrder("O1", s -> Mutation.commit(s.withOrder(s.order().toBuilder().status(OrderStatus.Open).build()), null));
        store.withOrder("O2", s -> Mutation.commit(s.withOrder(s.order().toBuilder().sharedWithOrganization(true).build()), null));
        store.withOrder("O3", s -> Mutation.commit(s.withOrder(s.order().toBuilder().sharedWithOrganization(false).build()), null));
        store.withOrder("O4", s -> Mutation.delete(null));
        assertThat(ids(store.sharedCarts())).as("submitted, unshared and deleted carts leave; a newly shared one joins")
                .containsExactly("O2");
    }

    @Test
    void theIndexFollowsAChangedCreatorAndForgetsDeletedOrders() {
        store.createOrder(order("O1", "b1", "anon", "seller"));
        store.createOrder(order("O2", "b1", "u1", "seller"));
        store.withOrder("O1", s -> Mutation.commit(s.withOrder(s.order().toBuilder().fromUserID("u1").build()), null));
        assertThat(ids(store.ordersFromUser("b1", "anon"))).isEmpty();
        assertThat(ids(store.ordersFromUser("b1", "u1"))).as("creation order, not change order").containsExactly("O1", "O2");
        store.withOrder("O2", s -> Mutation.delete(null));
        assertThat(ids(store.ordersFromUser("b1", "u1"))).containsExactly("O1");
        assertThat(ids(store.ordersOfCompany("b1"))).containsExactly("O1");
        store.createOrder(order("O2", "b1", "u1", "seller"));
        assertThat(ids(store.ordersFromUser("b1", "u1"))).as("a re-created order is the newest").containsExactly("O1", "O2");
        assertThat(ids(store.orders())).containsExactly("O1", "O2");
    }

    @Test
    void tablesListInInsertionOrderAcrossUpdatesDeletesAndFailedInserts() {
        Repository<String> t = store.table(things());
        t.insert("b/1", "one");
        t.insert("a/2", "two");
        t.insert("b/3", "three");
        t.put("b/1", "ONE");
        t.update("a/2", v -> v + "!");
        t.delete("b/3");
        t.put("b/3", "three again");
        assertThatThrownBy(() -> t.insert("a/2", "dup")).isInstanceOf(OrderCloudException.class)
                .hasMessage("String already exists: a/2").extracting(e -> ((OrderCloudException) e).errorCode()).isEqualTo("IdExists");
        assertThat(t.list()).containsExactly("ONE", "two!", "three again");
        assertThat(t.listWithPrefix("b/")).containsExactly("ONE", "three again");
        assertThat(t.find("a/2")).contains("two!");
        assertThat(t.find("zz")).isEmpty();
    }

    @Test
    void aPrefixIsLiteralEvenWithWildcardCharacters() {
        Repository<String> t = store.table(things());
        t.insert("a%/1", "percent");
        t.insert("ab/1", "plain");
        t.insert("a_/1", "underscore");
        t.insert("a!/1", "bang");
        assertThat(t.listWithPrefix("a%/")).containsExactly("percent");
        assertThat(t.listWithPrefix("a_/")).containsExactly("underscore");
        assertThat(t.listWithPrefix("a!/")).containsExactly("bang");
        assertThat(t.listWithPrefix("a")).containsExactly("percent", "plain", "underscore", "bang");
    }

    @Test
    void findAllGivesTheValuesThatExistInTheOrderOfTheKeysAskedFor() {
        Repository<String> t = store.table(things());
        for (int i = 0; i < 150; i++) {
            t.insert("k" + i, "v" + i);
        }
        store.table(Table.of("others", String.class)).insert("k7", "other");
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.Arrays.asList("k7", null, "missing", "k3", "k7", "k_"));
        for (int i = 149; i >= 20; i--) {
            keys.add("k" + i);
        }

        java.util.Map<String, String> found = t.findAll(keys);

        assertThat(found).hasSize(132).containsEntry("k7", "v7").containsEntry("k3", "v3").containsEntry("k20", "v20")
                .doesNotContainKeys("missing", "k_");
        assertThat(found.keySet()).startsWith("k7", "k3", "k149").endsWith("k20");
        assertThat(t.findAll(java.util.List.of())).isEmpty();
    }

    @Test
    void tablesWithTheSameKeysAreIndependent() {
        store.table(things()).insert("k", "thing");
        store.table(Table.of("others", String.class)).insert("k", "other");
        assertThat(store.table(things()).list()).containsExactly("thing");
        assertThat(store.table(things()).delete("k")).isTrue();
        assertThat(store.table(things()).delete("k")).isFalse();
        assertThat(store.table(Table.of("others", String.class)).find("k")).contains("other");
    }

    @Test
    void anUpdateThatThrowsLeavesTheValueAndAnUpdateOfNothingIsNotFound() {
        Repository<String> t = store.table(things());
        t.insert("k", "v");
        assertThatThrownBy(() -> t.update("k", v -> {
            throw OrderCloudException.validation("no");
        })).hasMessage("no");
        assertThat(t.find("k")).contains("v");
        assertThatThrownBy(() -> t.update("missing", v -> v)).isInstanceOf(OrderCloudException.class)
                .hasMessage("String not found: missing");
    }

    @Test
    void usersAreFoundByTheirLookupIgnoringCase() {
        Repository<User> users = store.table(Tables.USERS);
        users.insert("b1/u1", User.builder().id("u1").username("Ada.Buyer").password("hash").build());
        users.insert("b2/u2", User.builder().id("u2").username("bob").build());
        assertThat(users.findByLookup("ada.buyer")).extracting(User::id).containsExactly("u1");
        assertThat(users.findByLookup("ada.buyer").get(0).password()).as("the hash is stored").isEqualTo("hash");
        users.put("b1/u1", User.builder().id("u1").username("ada2").build());
        assertThat(users.findByLookup("ada.buyer")).isEmpty();
        assertThat(users.findByLookup("ada2")).extracting(User::id).containsExactly("u1");
        assertThat(store.table(things()).findByLookup("x")).as("a table without a lookup").isEmpty();
    }

    @Test
    void aStoredValueComesBackExactlyIncludingWriteOnlyWireProperties() {
        Repository<IntegrationEvent> events = store.table(Tables.INTEGRATION_EVENTS);
        IntegrationEvent e = new IntegrationEvent(List.of("FullAccess"), "ie1", null, "OrderCheckout", "https://x",
                "Authorization", "Bearer secret", "checkout", "hash");
        events.insert("ie1", e);
        assertThat(events.find("ie1")).contains(e);
    }

    @Test
    void anOrderAggregateRoundTripsWithMoneyScaleDatesAndXp() {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000, ZoneOffset.ofHours(2));
        Order o = Order.builder().id("O1").fromCompanyID("b1").fromUserID("u1").toCompanyID("seller")
                .status(OrderStatus.Open).dateCreated(t).subtotal(new BigDecimal("10.50")).total(new BigDecimal("12.00"))
                .xp(JsonNodeFactory.instance.objectNode().put("gift", true).put("n", new BigDecimal("1.10"))).build();
        LineItem line = LineItem.builder().id("L1").quantity(2).unitPrice(new BigDecimal("5.25")).lineTotal(new BigDecimal("10.50")).build();
        OrderState s = OrderState.of(o).withLineItems(List.of(line)).withSubmitGeneration(3);
        store.createOrder(s);
        OrderState back = store.order("O1").orElseThrow();
        assertThat(back).isEqualTo(s);
        assertThat(back.order().subtotal().toPlainString()).isEqualTo("10.50");
        assertThat(back.line("L1")).contains(line);
    }

    @Test
    void aSecondOrderWithTheSameIdIsRefusedAndTheFirstKept() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        assertThatThrownBy(() -> store.createOrder(order("O1", "b2", "u2", "seller")))
                .isInstanceOf(OrderCloudException.class).hasMessage("Order already exists: O1");
        assertThat(store.order("O1").orElseThrow().order().fromCompanyID()).isEqualTo("b1");
    }

    @Test
    void withOrderCommitsKeepsDeletesAndRaisesAfterCommitting() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        String r = store.withOrder("O1", s -> Mutation.commit(s.withSubmitGeneration(1), "done"));
        assertThat(r).isEqualTo("done");
        Integer generation = store.withOrder("O1", s -> Mutation.unchanged(s.submitGeneration()));
        assertThat(generation).isEqualTo(1);
        OrderCloudException failure = new OrderCloudException(400, "Checkout.Failed", "refused");
        assertThatThrownBy(() -> store.withOrder("O1", s -> Mutation.commitThenFail(s.withSubmitGeneration(2), failure)))
                .isSameAs(failure);
        assertThat(store.order("O1").orElseThrow().submitGeneration()).as("committed before raising").isEqualTo(2);
        store.withOrder("O1", s -> Mutation.delete(null));
        assertThat(store.order("O1")).isEmpty();
        assertThatThrownBy(() -> store.withOrder("O1", s -> Mutation.unchanged(null)))
                .isInstanceOf(OrderCloudException.class).hasMessage("Order not found: O1");
    }

    @Test
    void workThatThrowsLeavesTheOrderAsItWas() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        assertThatThrownBy(() -> store.withOrder("O1", s -> {
            throw OrderCloudException.validation("bad");
        })).hasMessage("bad");
        assertThat(store.order("O1")).contains(order("O1", "b1", "u1", "seller"));
        assertThat(store.order(null)).isEmpty();
    }

    @Test
    void concurrentChangesToOneOrderAndOneRowAreNeverLost() throws Exception {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        Repository<String> t = store.table(things());
        t.insert("counter", "0");
        int threads = 4;
        int each = 25;
        List<Thread> workers = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread w = new Thread(() -> {
                for (int j = 0; j < each; j++) {
                    store.withOrder("O1", s -> Mutation.commit(s.withSubmitGeneration(s.submitGeneration() + 1), null));
                    t.update("counter", v -> String.valueOf(Integer.parseInt(v) + 1));
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(store.order("O1").orElseThrow().submitGeneration()).isEqualTo(threads * each);
        assertThat(t.find("counter")).contains(String.valueOf(threads * each));
    }
}
