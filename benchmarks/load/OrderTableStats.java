import java.sql.*;
import java.nio.file.*;

/**
 * One line per table ({@code orders}, {@code order_lines}) of what PostgreSQL reports for it: live and dead row versions,
 * rows inserted, updated and HOT-updated, autovacuum runs, heap and index bytes, and the orders' row count. Run from
 * source against any build's jar, on a {@code checkout-ab.sh STORE=postgres} run's server (its JDBC URL file), e.g.
 * every 30 s:
 *
 * <pre>{@code java -cp <benchmarks.jar> benchmarks/load/OrderTableStats.java $OUT/B/postgres.url "$(date +%T) B"}</pre>
 */
public class OrderTableStats {
    public static void main(String[] a) throws Exception {
        String url = Files.readString(Path.of(a[0])).strip();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_hot_upd, "
                 + "autovacuum_count, pg_relation_size(relid), pg_indexes_size(relid), "
                 + "(SELECT count(*) FROM orders) FROM pg_stat_user_tables WHERE relname IN ('orders','order_lines') ORDER BY 1 DESC")) {
            while (rs.next()) {
                System.out.printf("%s %s live %d dead %d ins %d upd %d hot %d autovac %d heapKiB %d idxKiB %d rows %d%n", a[1], rs.getString(1),
                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                    rs.getLong(8) / 1024, rs.getLong(9) / 1024, rs.getLong(10));
            }
        }
    }
}
