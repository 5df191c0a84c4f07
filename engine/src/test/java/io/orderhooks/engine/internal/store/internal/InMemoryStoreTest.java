package io.orderhooks.engine.internal.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.model.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

    final InMemoryStore store = new InMemoryStore();

    static OrderState order(String id, String fromCompany, String fromUser, String toCompany) {
        return OrderState.of(Order.builder().id(id).fromCompanyID(fromCompany).fromUserID(fromUser).toCompanyID(toCompany).build());
    }

    static List<String> ids(List<OrderState> states) {
        return states.stream().map(OrderState::id).toList();
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
        Repository<String> t = store.table(Table.of("things", String.class));
        t.insert("b/1", "one");
        t.insert("a/2", "two");
        t.insert("b/3", "three");
        t.put("b/1", "ONE");
        t.update("a/2", v -> v + "!");
        t.delete("b/3");
        t.put("b/3", "three again");
        try {
            t.insert("a/2", "dup");
        } catch (RuntimeException expected) {
            // IdExists
        }
        assertThat(t.list()).containsExactly("ONE", "two!", "three again");
        assertThat(t.listWithPrefix("b/")).containsExactly("ONE", "three again");
    }
}
