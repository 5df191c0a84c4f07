package io.orderhooks.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.Stores;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.engine.internal.store.OrderListScope;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The durable store's list-query and start-time harness (not JMH: each figure needs a seeded database). For each
 * order count it seeds an embedded PostgreSQL database with batch inserts, times list queries (filter + sort +
 * page, answered in SQL) through {@code Store.listOrders} and prints p50/p99, then times an engine start on that
 * database; it also times starts on an empty PostgreSQL database (first, so that it pays the JVM's class loading)
 * and on H2 in file mode, empty and with {@code h2Orders} orders. Output: tab-separated rows
 * {@code orderlist store orders query p50Micros p99Micros samples} and {@code start store orders millis}, plus
 * {@code seed store orders seconds} and {@code writecost} rows (the indexes an order write maintains, the
 * {@code order_counts} rows it appends). Usage: {@code OrderListHarness [counts=100000,1000000] [samples=300]
 * [h2Orders=100000]} ({@code h2Orders} 0 skips H2); each seeding stops at {@code orderhooks.bench.seedSeconds}
 * (default 600) and reports the count it reached; each query warms up for at most 10 s and is measured for at most
 * 45 s (at least 20 samples); {@code orderhooks.bench.queries} (a regex) keeps only the queries it finds in the name.
 */
public final class OrderListHarness {

    static final QuerySchema ORDERS = QuerySchema.forType(Order.class).build();
    private static final OrderStatus[] STATUSES = {OrderStatus.Open, OrderStatus.Completed, OrderStatus.Unsubmitted,
        OrderStatus.Canceled, OrderStatus.AwaitingApproval};
    static final int BUYERS = 1000;
    /** Time bounds per query, so that a slow query shortens its own run rather than the harness's budget. */
    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final long MEASURE_NANOS = 45_000_000_000L;

    private OrderListHarness() {}

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "100000,1000000").split(",");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int h2Orders = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long seedLimitNanos = Long.getLong("orderhooks.bench.seedSeconds", 600) * 1_000_000_000L;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            // the first start in this JVM also loads the engine's classes: an empty database pays for that
            String empty = database(pg, "empty") + "&reWriteBatchedInserts=true";
            startTime("postgresql", 0, () -> Stores.postgresql(empty, "postgres", "postgres"));
            for (String count : counts) {
                String url = database(pg, "orders_" + count.trim()) + "&reWriteBatchedInserts=true";
                int seeded;
                try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
                    seeded = seed(store, "postgresql", Integer.parseInt(count.trim()), seedLimitNanos);
                    analyze(url, "postgres", "postgres");
                    queries(store, seeded, samples);
                    writeCost(store, url);
                }
                startTime("postgresql", seeded, () -> Stores.postgresql(url, "postgres", "postgres"));
            }
        }
        if (h2Orders > 0) {
            Path emptyDir = Files.createTempDirectory("orderhooks-start-h2-empty-");
            Path dir = Files.createTempDirectory("orderhooks-start-h2-");
            try {
                startTime("h2", 0, () -> Stores.h2(emptyDir));
                int seeded;
                try (JdbcStore store = JdbcStores.h2(dir)) {
                    seeded = seed(store, "h2", h2Orders, seedLimitNanos);
                }
                startTime("h2", seeded, () -> Stores.h2(dir));
            } finally { // every run left both folders in the temp folder
                StatementCount.deleteFolder(emptyDir);
                StatementCount.deleteFolder(dir);
            }
        }
    }

    private static String database(EmbeddedPostgres pg, String name) throws Exception {
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name) + (pg.getJdbcUrl("postgres", name).contains("?") ? "" : "?x=1");
    }

    /**
     * Before timing, what a live store would have: the seeding's {@code order_counts} deltas folded into one row
     * per key (the seeding appends one row per key per batch, ~200 per buyer and status at 1M, which the first
     * count of each key would fold, where reads of a live store fold a key every 64 writes), and what autovacuum
     * does to a loaded table (statistics, the visibility map) for the orders, their lines and the counts.
     */
    static void analyze(String url, String user, String password) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TEMPORARY TABLE folded AS SELECT side, company, status, SUM(n) AS n FROM order_counts "
                    + "GROUP BY side, company, status");
            st.execute("DELETE FROM order_counts");
            st.execute("INSERT INTO order_counts (side, company, status, n) SELECT side, company, status, n FROM folded");
            st.execute("DROP TABLE folded");
            c.commit();
            c.setAutoCommit(true);
            st.execute("VACUUM ANALYZE orders");
            st.execute("VACUUM ANALYZE order_lines");
            st.execute("VACUUM ANALYZE order_counts");
        }
    }

    static int seed(JdbcStore store, String kind, int count, long limitNanos) {
        long start = System.nanoTime();
        int[] made = {0};
        Random random = new Random(17);
        Iterable<OrderState> orders = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return made[0] < count && (made[0] % 10_000 != 0 || System.nanoTime() - start < limitNanos);
            }

            @Override
            public OrderState next() {
                return OrderState.of(order(made[0]++, random));
            }
        };
        store.importOrders(orders, 1000);
        System.out.printf("seed\t%s\t%d\t%.1f%n", kind, made[0], (System.nanoTime() - start) / 1e9);
        return made[0];
    }

    /** Order {@code i}: one of {@link #BUYERS} buyers, all to the marketplace, dates over two years. */
    static Order order(int i, Random random) {
        OffsetDateTime created = OffsetDateTime.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L + random.nextInt(60));
        OrderStatus status = STATUSES[random.nextInt(STATUSES.length)];
        return Order.builder().id("PO-" + i).status(status)
                .fromCompanyID("b" + (i % BUYERS)).toCompanyID("seller").fromUserID("u" + random.nextInt(10))
                .dateCreated(created).dateSubmitted(status == OrderStatus.Unsubmitted ? null : created.plusMinutes(30))
                .total(BigDecimal.valueOf(random.nextInt(100_000), 2)).currency("USD")
                .xp(JsonNodeFactory.instance.objectNode().put("Channel", random.nextBoolean() ? "web" : "phone"))
                .build();
    }

    private static void queries(JdbcStore store, int orders, int samples) {
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        Random random = new Random(5);
        OrderListScope seller = scope("seller", OrderListScope.Side.TO);
        runs.put("seller: all, sortBy=!DateSubmitted, page 1", () ->
                store.listOrders(seller, query("sortBy=!DateSubmitted")));
        runs.put("seller: Status=Open, sortBy=!DateSubmitted, page 1", () ->
                store.listOrders(seller, query("Status=Open&sortBy=!DateSubmitted")));
        runs.put("seller: Status=Completed, Total>=500, sortBy=!DateSubmitted, page 3", () ->
                store.listOrders(seller, query("Status=Completed&Total=>=500&sortBy=!DateSubmitted&page=3")));
        runs.put("seller: ID=PO-12345*, sortBy=ID", () -> store.listOrders(seller, query("ID=PO-12345*&sortBy=ID")));
        runs.put("seller: search=2345 on ID (*2345*)", () -> store.listOrders(seller, query("search=2345&searchOn=ID")));
        runs.put("buyer company: Status=Open|Completed, sortBy=!Total, page 2", () -> store.listOrders(
                scope("b" + random.nextInt(BUYERS), OrderListScope.Side.FROM), query("Status=Open|Completed&sortBy=!Total&page=2")));
        runs.put("buyer company: xp.Channel=web, sortBy=!DateSubmitted", () -> store.listOrders(
                scope("b" + random.nextInt(BUYERS), OrderListScope.Side.FROM), query("xp.Channel=web&sortBy=!DateSubmitted")));
        runs.put("buyer company: xp.Channel=web, sortBy=!DateSubmitted (baseline: every order of the company through Java)",
                () -> query("xp.Channel=web&sortBy=!DateSubmitted").apply(store.ordersOfCompany("b" + random.nextInt(BUYERS))
                        .stream().map(OrderState::order).toList(), PropertyReaders.forRecord(Order.class)));
        runs.put("buyer company: sortBy=!DateSubmitted, page 1", () -> store.listOrders(
                scope("b" + random.nextInt(BUYERS), OrderListScope.Side.FROM), query("sortBy=!DateSubmitted")));
        OrderListScope either = scope("seller", OrderListScope.Side.EITHER);
        runs.put("seller, Direction=All (either side): Status=Open, sortBy=!DateSubmitted, page 2", () ->
                store.listOrders(either, query("Status=Open&sortBy=!DateSubmitted&page=2")));
        runs.put("seller, Direction=All (either side): sortBy=!DateSubmitted, page 1", () ->
                store.listOrders(either, query("sortBy=!DateSubmitted")));
        OrderListScope week = new OrderListScope("seller", OrderListScope.Side.TO, OrderListScope.DateField.SUBMITTED_OR_CREATED,
                OffsetDateTime.parse("2025-06-01T00:00:00Z"), OffsetDateTime.parse("2025-06-07T23:59:59Z"));
        runs.put("seller, Incoming from=2025-06-01 to=2025-06-07 (~10k orders): sortBy=!DateSubmitted", () ->
                store.listOrders(week, query("sortBy=!DateSubmitted")));
        String only = System.getProperty("orderhooks.bench.queries");
        if (only != null) {
            runs.keySet().removeIf(name -> !java.util.regex.Pattern.compile(only).matcher(name).find());
        }
        runs.forEach((name, run) -> {
            long warmUntil = System.nanoTime() + WARM_UP_NANOS;
            for (int i = 0; i < Math.max(20, samples / 5) && System.nanoTime() < warmUntil; i++) {
                run.get();
            }
            Latencies latencies = new Latencies(samples);
            long measureUntil = System.nanoTime() + MEASURE_NANOS;
            for (int i = 0; i < samples && (i < 20 || System.nanoTime() < measureUntil); i++) {
                long t0 = System.nanoTime();
                run.get();
                latencies.record(System.nanoTime() - t0);
            }
            System.out.printf("orderlist\tpostgresql\t%d\t%s\t%d\t%d\t%d%n", orders, name,
                    latencies.percentileMicros(50), latencies.percentileMicros(99), latencies.count());
        });
    }

    /**
     * What an order write maintains besides its row: the indexes on {@code orders} (an insert, and an update that
     * changes an indexed column, adds one entry to each B-tree) and the {@code order_counts} rows appended per
     * created order and per status change, counted over 100 writes of each kind.
     */
    private static void writeCost(JdbcStore store, String url) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(url, "postgres", "postgres"); var st = c.createStatement()) {
            List<String> indexes = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'orders' ORDER BY 1")) {
                while (rs.next()) {
                    indexes.add(rs.getString(1) + (rs.getString(2).contains("USING gin") ? " (gin)" : ""));
                }
            }
            System.out.printf("writecost\tpostgresql\tindexes on orders\t%d\t%s%n", indexes.size(), String.join(", ", indexes));
            long before = countRows(st);
            Random random = new Random(9);
            for (int i = 0; i < 100; i++) {
                store.createOrder(OrderState.of(order(2_000_000_000 - i, random).toBuilder().id("W-" + i)
                        .status(OrderStatus.Unsubmitted).build()));
            }
            long created = countRows(st);
            for (int i = 0; i < 100; i++) {
                store.withOrder("W-" + i, s -> io.orderhooks.engine.internal.store.Mutation.commit(
                        s.withOrder(s.order().toBuilder().status(OrderStatus.Open).build()), null));
            }
            long changed = countRows(st);
            System.out.printf("writecost\tpostgresql\torder_counts rows per create / per status change\t%.1f\t%.1f%n",
                    (created - before) / 100.0, (changed - created) / 100.0);
        }
    }

    private static long countRows(java.sql.Statement st) throws java.sql.SQLException {
        try (var rs = st.executeQuery("SELECT COUNT(*) FROM order_counts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static OrderListScope scope(String company, OrderListScope.Side side) {
        return new OrderListScope(company, side, OrderListScope.DateField.CREATED, null, null);
    }

    private static ListQuery query(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        return ListQuery.parse(params, ORDERS);
    }

    /** Milliseconds from {@code OrderEngine.create} to a started engine (listening) on a store holding the orders. */
    private static void startTime(String kind, int orders, Supplier<Stores.Choice> store) {
        long t0 = System.nanoTime();
        OrderEngine engine = OrderEngine.create(cfg -> cfg.store(store.get())).start("127.0.0.1", 0);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        engine.close();
        System.out.printf("start\t%s\t%d\t%d%n", kind, orders, millis);
    }
}
