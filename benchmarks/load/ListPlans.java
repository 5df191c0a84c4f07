import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.OrderListScope;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.*;
import java.sql.*;
import java.util.*;

/**
 * The query plans of order lists at scale: seeds {@code N} orders on an embedded PostgreSQL as {@code OrderListHarness}
 * does (its own seeding, reached by reflection, so that any build's jar runs it), then runs lists that filter or sort
 * on {@code Total} (with and without carts in them) through the store's list SQL, records each statement it prepares
 * with its parameters, and prints PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of each (the second of two runs).
 *
 * <pre>{@code java -cp <benchmarks.jar> benchmarks/load/ListPlans.java 300000}</pre>
 */
public class ListPlans {
    static final List<Object[]> recorded = new ArrayList<>();

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        Class<?> h = Class.forName("io.orderhooks.benchmarks.OrderListHarness");
        Method seed = h.getDeclaredMethod("seed", JdbcStore.class, String.class, int.class, long.class);
        Method analyze = h.getDeclaredMethod("analyze", String.class);
        Method query = h.getDeclaredMethod("query", String.class);
        seed.setAccessible(true); analyze.setAccessible(true); query.setAccessible(true);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres")) {
                long t0 = System.nanoTime();
                int seeded = (int) seed.invoke(null, store, "postgresql", n, 900_000_000_000L);
                analyze.invoke(null, url);
                System.out.printf("seeded %d in %.0f s%n", seeded, (System.nanoTime() - t0) / 1e9);
                Field f = JdbcStore.class.getDeclaredField("orderLists");
                f.setAccessible(true);
                Object lists = f.get(store);
                Method list = lists.getClass().getDeclaredMethod("list", Connection.class, OrderListScope.class, ListQuery.class);
                list.setAccessible(true);
                Object[][] runs = {
                    {"seller", OrderListScope.Side.TO, "Status=Completed&Total=>=500&sortBy=!DateSubmitted&page=3"},
                    {"b17", OrderListScope.Side.FROM, "Status=Open|Completed&sortBy=!Total&page=2"},
                    {"seller", OrderListScope.Side.TO, "Status=Open&sortBy=!Total"},
                    {"seller", OrderListScope.Side.TO, "Status=Completed&Total=>=500"},
                    {"b17", OrderListScope.Side.FROM, "Status=Unsubmitted&sortBy=!Total"},
                    {"seller", OrderListScope.Side.TO, "Total=>=990&sortBy=!Total"},
                    {"b17", OrderListScope.Side.FROM, "Total=>=990"},
                    {"seller", OrderListScope.Side.TO, "Total=<5|>=995&page=2"},
                    {"seller", OrderListScope.Side.TO, "Status=!Open&Total=!<990"},
                    // OrderListHarness's lists on the other derived columns (id_lower, xp): V19 made them plain
                    {"seller", OrderListScope.Side.TO, "ID=PO-12345*&sortBy=ID"},
                    {"b17", OrderListScope.Side.FROM, "xp.Channel=web&sortBy=!DateSubmitted"},
                };
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                    for (Object[] r : runs) {
                        OrderListScope scope = new OrderListScope((String) r[0], (OrderListScope.Side) r[1], OrderListScope.DateField.CREATED, null, null);
                        recorded.clear();
                        list.invoke(lists, recording(c), scope, query.invoke(null, r[2]));
                        for (Object[] s : recorded) {
                            System.out.println("=== " + r[0] + " " + r[1] + " " + r[2] + "\n" + s[0]);
                            // twice: the second one runs on a warm cache
                            for (int k = 0; k < 2; k++) {
                                try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + s[0])) {
                                    @SuppressWarnings("unchecked") Map<Integer, Object> p = (Map<Integer, Object>) s[1];
                                    for (var e : p.entrySet()) ps.setObject(e.getKey(), e.getValue());
                                    try (ResultSet rs = ps.executeQuery()) {
                                        while (rs.next()) if (k == 1) System.out.println("  " + rs.getString(1));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static Connection recording(Connection real) {
        return (Connection) Proxy.newProxyInstance(ListPlans.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
            Object out = m.invoke(real, args);
            if (m.getName().equals("prepareStatement")) {
                Map<Integer, Object> params = new TreeMap<>();
                recorded.add(new Object[] {args[0], params});
                PreparedStatement ps = (PreparedStatement) out;
                return Proxy.newProxyInstance(ListPlans.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (p2, m2, a2) -> {
                    if (m2.getName().startsWith("set") && a2 != null && a2.length >= 2 && a2[0] instanceof Integer i) {
                        params.put(i, a2[1]);
                    }
                    try { return m2.invoke(ps, a2); } catch (InvocationTargetException e) { throw e.getCause(); }
                });
            }
            return out;
        });
    }
}
