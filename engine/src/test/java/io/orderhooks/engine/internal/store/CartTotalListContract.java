package io.orderhooks.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists filtered or sorted by {@code Total} after orders went through their life, not only as created: carts whose
 * total changed many times (as each line a shopper adds changes it), carts submitted with their last total, submitted
 * orders whose total changed afterwards, orders that went back to the cart status and a cart emptied to no total.
 * The durable stores answer a list whose {@code Status} filters rule carts out from a column that holds no cart's
 * total (schema V17), and any other list from the total itself; each page and {@code Meta} must be the in-memory
 * query's over the orders' final states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CartTotalListContract {

    private static final OrderStatus[] SUBMITTED = {OrderStatus.Open, OrderStatus.Completed, OrderStatus.AwaitingApproval,
        OrderStatus.Canceled, OrderStatus.Declined};

    protected Store store;
    private final Map<String, Order> last = new LinkedHashMap<>();

    /** A fresh, empty store. */
    protected abstract Store open() throws Exception;

    @BeforeAll
    void seed() throws Exception {
        store = open();
        for (int n = 0; n < 30; n++) {
            int i = n;
            String id = "cart-" + i;
            Order cart = Order.builder().id(id).status(OrderStatus.Unsubmitted)
                    .fromCompanyID(i % 3 == 2 ? "b2" : "b1").toCompanyID(i % 7 == 6 ? "S1" : "seller").fromUserID("u" + i % 4)
                    .total(BigDecimal.ZERO).dateCreated(OffsetDateTime.parse("2024-02-01T08:00:00Z").plusMinutes(i)).build();
            store.createOrder(OrderState.of(cart));
            // line adds: the total grows, then the order is submitted, or stays a cart
            for (int line = 1; line <= 4 + i % 5; line++) {
                BigDecimal total = new BigDecimal((i * 7 + line * 13) % 90 + "." + line % 10);
                change(id, o -> o.toBuilder().total(total).build());
            }
            if (i % 3 != 0) {
                OrderStatus status = SUBMITTED[i % SUBMITTED.length];
                change(id, o -> o.toBuilder().status(status)
                        .dateSubmitted(OffsetDateTime.parse("2024-02-02T08:00:00Z").plusMinutes(i)).build());
            }
            if (i % 4 == 1) {
                // a submitted order's total changes (a seller's adjustment), or a cart's once more
                change(id, o -> o.toBuilder().total(o.total().add(new BigDecimal("41.25"))).build());
            }
            if (i % 10 == 5) {
                change(id, o -> o.toBuilder().status(OrderStatus.Unsubmitted).dateSubmitted(null).build());
            }
            if (i == 9 || i == 10) {
                // a cart and a submitted order without a total
                change(id, o -> o.toBuilder().total(null).build());
            }
        }
    }

    private void change(String id, java.util.function.UnaryOperator<Order> change) {
        store.withOrder(id, s -> Mutation.commit(s.withOrder(change.apply(s.order())), null));
        last.put(id, store.order(id).orElseThrow().order());
    }

    @AfterAll
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    static Stream<Arguments> queries() {
        List<String> filters = List.of("", "Status=Open", "Status=Open|Completed", "Status=!Unsubmitted", "Status=Unsubmitted",
                "Status=!Open", "Status=Op*", "Status=>Completed", "Total=>=40", "Total=!41.25", "Total=*", "Total=!*",
                "Status=Completed&Total=>=40", "Status=!Unsubmitted&Total=<50", "Status=!Unsubmitted&Total=!*",
                "Status=Unsubmitted|Open&Total=>20", "Status=!Declined&Total=>=30",
                // every form of a Total filter on lists that may hold carts: alternatives, none-of, negated terms,
                // absence in an alternative, two values, a wildcard (decided in Java), exact values of a cart and of
                // an adjusted order
                "Total=<10|>80", "Total=!<10|>80", "Total=!<40|!*", "Total=41.25|!*", "Total=!41.25|*", "Total=4*",
                "Total=>=20&Total=<=60", "Total=!<20&Total=!>60", "Total=52.4|52.6", "Total=<=13.1|>=60.1",
                "Status=!Open&Total=!<30", "Status=*&Total=>=40", "Status=Unsubmitted&Total=!<50", "Status=!Completed&Total=!*",
                "Status=Unsubmitted|Open&Total=<10|>80", "Status=!Open&Total=4*");
        List<String> views = List.of("", "sortBy=Total", "sortBy=!Total", "sortBy=Status,!Total", "pageSize=3&page=2&sortBy=!Total",
                "pageSize=4&page=2&sortBy=Total,!ID");
        List<OrderListScope> scopes = List.of(
                new OrderListScope("b1", OrderListScope.Side.FROM, OrderListScope.DateField.CREATED, null, null),
                new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.CREATED, null, null),
                new OrderListScope("seller", OrderListScope.Side.EITHER, OrderListScope.DateField.CREATED, null, null),
                new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.SUBMITTED_OR_CREATED,
                        OffsetDateTime.parse("2024-02-01T08:05:00Z"), OffsetDateTime.parse("2024-02-02T08:20:00Z")));
        List<Arguments> all = new ArrayList<>();
        for (String f : filters) {
            for (String v : views) {
                for (OrderListScope scope : scopes) {
                    all.add(Arguments.of(f.isEmpty() ? v : v.isEmpty() ? f : f + "&" + v, scope));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} on {1}")
    @MethodSource("queries")
    void listsTheSamePageAsTheInMemoryQueryOverTheOrdersFinalStates(String query, OrderListScope scope) {
        ListQuery q = ListQuery.parse(OrderListContract.params(query), OrderListContract.SCHEMA);
        ListPage<Order> expected = q.apply(last.values().stream().filter(scope::contains).toList(), PropertyReaders.forRecord(Order.class));
        ListPage<Order> actual = store.listOrders(scope, q);
        assertThat(actual.items().stream().map(Order::id).toList()).as(query + " on " + scope)
                .isEqualTo(expected.items().stream().map(Order::id).toList());
        assertThat(actual.meta()).as("Meta of " + query).isEqualTo(expected.meta());
    }
}
