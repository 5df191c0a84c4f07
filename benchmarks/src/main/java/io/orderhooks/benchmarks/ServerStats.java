package io.orderhooks.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an embedded PostgreSQL itself reports for {@link StatementCount}'s measured checkouts: the statements taking
 * the most server time ({@code pg_stat_statements}: calls and milliseconds per checkout), the WAL written
 * ({@code pg_stat_wal}: records, full-page images and bytes per checkout) and how many row updates of the busiest
 * tables were HOT (no index entries written). {@link #reset} at the start of the measured checkouts, {@link #read}
 * at their end, {@link #print} after.
 */
final class ServerStats {

    private final int checkouts;
    private final List<String> lines = new ArrayList<>();

    ServerStats(int checkouts) {
        this.checkouts = checkouts;
    }

    /** {@code builder} with {@code pg_stat_statements} loaded (it must be named at server start). */
    static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all");
    }

    /** Zeroes the server's counters (creating the extension's views the first time). */
    void reset(EmbeddedPostgres postgres) {
        run(postgres, st -> {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
            st.execute("SELECT pg_stat_reset_shared('wal')");
            st.execute("SELECT pg_stat_reset()");
        });
    }

    /** Reads the counters since {@link #reset}, per checkout. */
    void read(EmbeddedPostgres postgres) {
        run(postgres, st -> {
            lines.add(String.format("== PostgreSQL server, per checkout (%d measured)", checkouts));
            try (ResultSet rs = st.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
                rs.next();
                lines.add(String.format("  WAL: %.0f records, %.1f full-page images, %.1f KiB", rs.getLong(1) / (double) checkouts,
                        rs.getLong(2) / (double) checkouts, rs.getLong(3) / 1024.0 / checkouts));
            }
            try (ResultSet rs = st.executeQuery("SELECT relname, n_tup_upd, n_tup_hot_upd, n_tup_ins FROM pg_stat_user_tables "
                    + "WHERE n_tup_upd + n_tup_ins > 0 ORDER BY n_tup_upd + n_tup_ins DESC LIMIT 6")) {
                while (rs.next()) {
                    lines.add(String.format("  table %-14s updates %6.1f (HOT %6.1f), inserts %6.1f", rs.getString(1),
                            rs.getLong(2) / (double) checkouts, rs.getLong(3) / (double) checkouts, rs.getLong(4) / (double) checkouts));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT SUM(total_exec_time) FROM pg_stat_statements")) {
                rs.next();
                lines.add(String.format("  server execution time: %.2f ms", rs.getDouble(1) / checkouts));
            }
            try (ResultSet rs = st.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements "
                    + "ORDER BY total_exec_time DESC LIMIT 15")) {
                while (rs.next()) {
                    lines.add(String.format("  %7.1f calls %8.2f ms  %s", rs.getLong(1) / (double) checkouts,
                            rs.getDouble(2) / checkouts, rs.getString(3).replaceAll("\\s+", " ")));
                }
            }
        });
    }

    void print() {
        lines.forEach(System.out::println);
    }

    @FunctionalInterface
    private interface Work {
        void run(Statement st) throws SQLException;
    }

    private static void run(EmbeddedPostgres postgres, Work work) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            work.run(st);
        } catch (SQLException e) {
            throw new IllegalStateException("reading PostgreSQL's statistics: " + e.getMessage(), e);
        }
    }
}
