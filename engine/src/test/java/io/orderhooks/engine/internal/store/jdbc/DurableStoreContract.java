package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.StoreContract;
import io.orderhooks.core.model.LineItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a durable store adds to the contract: one transaction per {@code withOrder} covering the tables it
 * touches, and everything committed still there after the store is closed and opened again.
 */
abstract class DurableStoreContract extends StoreContract {

    /** Opens the same database as the last {@link #open()} again. */
    protected abstract Store reopen() throws Exception;

    @Test
    void tableWritesInsideFailingOrderWorkAreRolledBackWithIt() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        Repository<String> stock = store.table(things());
        stock.insert("P1", "10");
        assertThatThrownBy(() -> store.withOrder("O1", s -> {
            stock.update("P1", v -> "9");
            stock.insert("P2", "new");
            throw new OrderCloudException(400, "Order.CannotSubmit", "refused after taking stock");
        })).hasMessage("refused after taking stock");
        assertThat(stock.find("P1")).contains("10");
        assertThat(stock.find("P2")).isEmpty();
    }

    @Test
    void aTakenKeyInsideOrderWorkIsRefusedWithoutSpoilingTheRestOfTheTransaction() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        Repository<String> t = store.table(things());
        t.insert("taken", "first");
        String outcome = store.withOrder("O1", s -> {
            try {
                t.insert("taken", "second");
                return Mutation.unchanged("inserted");
            } catch (OrderCloudException e) {
                t.insert("other", "after the refusal");
                return Mutation.commit(s.withSubmitGeneration(7), e.errorCode());
            }
        });
        assertThat(outcome).isEqualTo("IdExists");
        assertThat(t.find("other")).contains("after the refusal");
        assertThat(store.order("O1").orElseThrow().submitGeneration()).isEqualTo(7);
    }

    @Test
    void aTakenUniqueLookupInsideOrderWorkIsTheTablesErrorWithoutSpoilingTheRestOfTheTransaction() {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        Repository<String> names = store.table(io.orderhooks.engine.internal.store.Table.withUniqueLookup("names",
                String.class, v -> v.toLowerCase(java.util.Locale.ROOT),
                lookup -> new OrderCloudException(409, "Name.Taken", "taken: " + lookup)));
        names.insert("k1", "Ann");
        String outcome = store.withOrder("O1", s -> {
            try {
                names.insert("k2", "ANN"); // another key, the lookup k1 holds
                return Mutation.unchanged("inserted");
            } catch (OrderCloudException e) {
                names.insert("k3", "Bob");
                return Mutation.commit(s.withSubmitGeneration(5), e.errorCode() + " " + e.getMessage());
            }
        });
        assertThat(outcome).isEqualTo("Name.Taken taken: ann");
        assertThat(names.find("k2")).isEmpty();
        assertThat(names.list()).containsExactly("Ann", "Bob");
        assertThat(store.order("O1").orElseThrow().submitGeneration()).isEqualTo(5);
    }

    @Test
    void everythingCommittedIsThereAfterReopening() throws Exception {
        store.createOrder(order("O1", "b1", "u1", "seller"));
        store.withOrder("O1", s -> Mutation.commit(s.withSubmitGeneration(4), null));
        store.table(things()).insert("k", "v");
        ((AutoCloseable) store).close();
        store = reopen();
        assertThat(store.order("O1").orElseThrow().submitGeneration()).isEqualTo(4);
        assertThat(ids(store.ordersFromUser("b1", "u1"))).containsExactly("O1");
        assertThat(store.table(things()).list()).containsExactly("v");
    }

    @Test
    void lineAppendsReplacementsAndRemovalsAreStoredExactlyAndReadBackAfterReopening() throws Exception {
        store.createOrder(order("O1", "b1", "u1", "seller").withLineItems(List.of(line("a"), line("b"))));
        setLines("O1", line("a"), line("b"), line("c"), line("d"));
        setLines("O1", line("a"), line("B"), line("c"), line("d"));
        setLines("O1", line("a"), line("c"), line("d"));
        assertThatThrownBy(() -> store.withOrder("O1", s -> {
            store.withOrder("O1", inner -> Mutation.commit(inner.withLineItems(List.of(line("x"))), null));
            throw new OrderCloudException(400, "Order.CannotSubmit", "refused after changing the lines");
        })).hasMessage("refused after changing the lines");
        assertThat(lineIds("O1")).containsExactly("a", "c", "d");
        ((AutoCloseable) store).close();
        store = reopen();
        assertThat(lineIds("O1")).containsExactly("a", "c", "d");
        assertThat(store.order("O1").orElseThrow().lineItems()).containsExactly(line("a"), line("c"), line("d"));
        assertThat(store.ordersFromUser("b1", "u1").get(0).lineItems()).containsExactly(line("a"), line("c"), line("d"));
        setLines("O1");
        store.withOrder("O1", s -> Mutation.delete(null));
        store.createOrder(order("O1", "b1", "u1", "seller"));
        ((AutoCloseable) store).close();
        store = reopen();
        assertThat(lineIds("O1")).isEmpty();
    }

    private void setLines(String orderID, LineItem... lines) {
        store.withOrder(orderID, s -> Mutation.commit(s.withLineItems(List.of(lines)), null));
        assertThat(store.order(orderID).orElseThrow().lineItems()).containsExactly(lines);
    }

    private List<String> lineIds(String orderID) {
        return store.order(orderID).orElseThrow().lineItems().stream().map(LineItem::id).map(id -> id.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    /** A line whose content tells an upper-case ID from the lower-case one (a replaced line keeps its place). */
    private static LineItem line(String id) {
        return LineItem.builder().id(id).productID("p-" + id).quantity(id.length() + (Character.isUpperCase(id.charAt(0)) ? 5 : 0))
                .unitPrice(new java.math.BigDecimal("2.50")).build();
    }
}
