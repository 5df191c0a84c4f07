package io.orderhooks.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
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
 * {@link Store#listOrders} gives exactly what {@link ListQuery#apply} gives over the scope's orders in creation
 * order: same items in the same order, same {@code Meta}, for every operator, sort direction (ties included),
 * paging edge, {@code xp} filter and search. Run on memory, H2 and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OrderListContract {

    public static final QuerySchema SCHEMA = QuerySchema.forType(Order.class).reserved("from", "to").build();
    private static final String[] STATUSES = {"Open", "Completed", "Unsubmitted", "Canceled", "AwaitingApproval", "Open"};
    private static final String[] IDS = {"po-1", "PO-2", "Po_3", "a%b", "po-10", "Zed", "zed2", "_x", "PO-20", "po!1"};

    protected Store store;
    private final List<Order> created = new ArrayList<>();

    /** A fresh, empty store. */
    protected abstract Store open() throws Exception;

    @BeforeAll
    void seed() throws Exception {
        store = open();
        for (int i = 0; i < 40; i++) {
            Order o = order(i);
            created.add(o);
            store.createOrder(OrderState.of(o));
        }
    }

    @AfterAll
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    /**
     * Forty orders with ties, absent values, mixed case and LIKE's own wildcards in IDs; some placed by
     * {@code seller} itself (to itself, or forwarded to {@code S1}), so that lists of either side have both.
     */
    private static Order order(int i) {
        String id = i < IDS.length ? IDS[i] : (i % 3 == 0 ? "PO-" : "po-") + (100 + i);
        OffsetDateTime day = OffsetDateTime.parse("2024-01-01T10:00:00+00:00").plusDays(i % 7).plusHours(i % 2 == 0 ? 0 : 20);
        return Order.builder().id(id)
                .status(OrderStatus.valueOf(STATUSES[i % STATUSES.length]))
                .fromCompanyID(i % 10 == 6 || i % 10 == 9 ? "seller" : i % 4 == 3 ? "b2" : "b1").toCompanyID(i % 5 == 4 ? "S1" : "seller")
                .fromUserID(i % 3 == 0 ? "u1" : i % 3 == 1 ? "U1" : "u2")
                .total(i % 6 == 5 ? null : new BigDecimal(i % 4 == 0 ? "100.00" : String.valueOf(10 * (i % 9)) + ".5"))
                .dateCreated(OffsetDateTime.parse("2023-12-01T08:00:00+00:00").plusHours(i % 5))
                .dateSubmitted(i % 5 == 2 ? null : i % 7 == 1 ? day.withOffsetSameInstant(java.time.ZoneOffset.ofHours(2)) : day)
                .comments(i % 4 == 1 ? "Gift wrap #" + i : null)
                .xp(xp(i))
                .build();
    }

    /**
     * Objects of strings, numbers, booleans, nulls and nested objects; arrays (which SQL leaves to Java) only in
     * some of {@code b2}'s orders, so that {@code b1}'s lists are decided in SQL wherever the database can.
     */
    private static com.fasterxml.jackson.databind.JsonNode xp(int i) {
        if (i % 3 == 2) {
            return null;
        }
        if (i % 8 == 3) {
            return json("{\"Color\":[\"red\",\"Green\"],\"Size\":[1,2],\"Nested\":[{\"Level\":\"Deep\"}],\"Flag\":[true]}");
        }
        String nested = i % 4 == 0 ? ",\"Nested\":{\"Level\":\"" + (i % 8 == 0 ? "deep" : "shallow") + "\"}" : "";
        String extra = i % 7 == 0 ? ",\"Flag\":true,\"N\":null,\"Size\":\"3\"" : ",\"Flag\":" + (i % 2 == 0) + ",\"Size\":" + (i % 5);
        return json("{\"Color\":\"" + (i % 2 == 0 ? "Red" : "blue") + "\"" + extra + nested + (i % 10 == 1 ? ",\"Size2\":1.50" : "") + "}");
    }

    static Stream<Arguments> queries() {
        List<String> filters = List.of("", "Status=Open", "Status=open|completed", "Status=!Open", "Status=!Open|Canceled",
                "Status=Op*", "Status=>O", "Status=<=canceled", "ID=po-1", "ID=PO*", "ID=*o_*", "ID=!po-1", "ID=a%b",
                "ID=>po-2", "ID=<=PO-2", "ID=*!*", "ID=po-1|zed|!*1*", "Total=100", "Total=>=100", "Total=<50", "Total=!100",
                "Total=*", "Total=!*", "Total=1*", "Total=>20&Total=<=80.5", "DateSubmitted=2024-01-03",
                "DateSubmitted=>2024-01-03", "DateSubmitted=<2024-01-04T12:00:00+00:00", "DateSubmitted=!*",
                "DateSubmitted=2024-01-02T08:00:00+02:00", "DateSubmitted=>=2024-01-02T06:00:00-00:00|!*",
                "DateSubmitted=2024-01*", "FromUserID=u1", "FromUserID=U1|u2", "ToCompanyID=S1", "FromCompanyID=!b1",
                "xp.Color=red", "xp.Color=!red", "xp.Size=>2", "xp=*", "xp.Size=3|4", "xp.Size=!3", "xp.Flag=true",
                "xp.Flag=!false", "xp.Nested.Level=DEEP", "xp.Nested=*", "xp.N=*", "xp.N=!*", "xp.Color=r*", "xp.Color=>b",
                "xp.Color=red&xp.Size=<3", "xp.Size2=1.5", "xp.Size=>=3", "xp.Flag=>a", "xp.Nested.Level=!*a*|deep", "xp.C'o\\\"l{o,r}=red", "Comments=*wrap*", "search=po",
                "search=PO&searchOn=ID", "search=1&searchOn=ID,FromUserID", "search=open&searchOn=Status",
                "search=_&searchOn=ID", "search=gift", "Status=Open&Total=>=20&sortBy=!DateSubmitted");
        List<String> views = List.of("", "sortBy=Total", "sortBy=!Total", "sortBy=!DateSubmitted", "sortBy=DateSubmitted,!ID",
                "sortBy=Status,!Total", "sortBy=FromUserID", "sortBy=!ID", "sortBy=xp.Color", "sortBy=Comments",
                "pageSize=5&page=2", "page=100", "pageSize=1&page=7&sortBy=!Total", "pageSize=3&page=4&sortBy=!FromUserID",
                "pageSize=2&page=3&sortBy=DateSubmitted,!Total");
        List<OrderListScope> scopes = List.of(new OrderListScope("b1", OrderListScope.Side.FROM, OrderListScope.DateField.CREATED, null, null),
                new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.SUBMITTED_OR_CREATED,
                        OffsetDateTime.parse("2023-12-01T09:00:00Z"), OffsetDateTime.parse("2024-01-05T23:59:59.999999999Z")),
                new OrderListScope("seller", OrderListScope.Side.EITHER, OrderListScope.DateField.CREATED, null, null),
                new OrderListScope("seller", OrderListScope.Side.EITHER, OrderListScope.DateField.CREATED,
                        OffsetDateTime.parse("2023-12-01T09:00:00Z"), OffsetDateTime.parse("2023-12-01T11:30:00Z")));
        List<Arguments> all = new ArrayList<>();
        for (String f : filters) {
            for (String v : views) {
                String q = f.isEmpty() ? v : v.isEmpty() ? f : f.contains("sortBy") && v.contains("sortBy") ? f : f + "&" + v;
                all.add(Arguments.of(q, scopes.get(all.size() % scopes.size())));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void listsTheSamePageAsTheInMemoryQueryOverTheScope(String query, OrderListScope scope) {
        ListQuery q = ListQuery.parse(params(query), SCHEMA);
        ListPage<Order> expected = q.apply(created.stream().filter(scope::contains).toList(), PropertyReaders.forRecord(Order.class));
        ListPage<Order> actual = store.listOrders(scope, q);
        assertThat(actual.items().stream().map(Order::id).toList()).as(query + " on " + scope)
                .isEqualTo(expected.items().stream().map(Order::id).toList());
        assertThat(actual.meta()).as("Meta of " + query).isEqualTo(expected.meta());
    }

    public static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return OrderCloudJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
