package io.orderhooks.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an embedded PostgreSQL itself reports for {@link StatementCount}'s measured checkouts, per checkout: the
 * transactions committed and the WAL flushes ({@code pg_stat_database}, {@code pg_stat_wal}: records, full-page
 * images, bytes, writes and syncs); per table the row inserts, updates (HOT among them), deletes, scans and the index
 * entries written (each index of the table gets one per inserted row and per non-HOT update); per statement
 * ({@code pg_stat_statements}, planning tracked): executions, plans made, planning and execution milliseconds, rows,
 * buffers hit and dirtied, WAL records, full-page images and bytes. {@link #reset} at the start of the measured
 * checkouts, {@link #read} after the store's pool is closed (a backend reports its table counters to the statistics
 * collector at most twice a second and when it exits, so the counters of live backends lag).
 */
final class ServerStats {

    private final int checkouts;
    private final List<String> lines = new ArrayList<>();
    private long postmaster;
    private Map<String, Long> cpuAtReset = Map.of();
    private String cpuLine = "  server CPU: not measured";

    ServerStats(int checkouts) {
        this.checkouts = checkouts;
    }

    /** {@code builder} with {@code pg_stat_statements} loaded (it must be named at server start), planning tracked. */
    static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("pg_stat_statements.max", "10000")
                .setServerConfig("track_io_timing", "off");
    }

    /** Zeroes the server's counters (creating the extension's views the first time). */
    void reset(EmbeddedPostgres postgres) {
        run(postgres, st -> {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
            st.execute("SELECT pg_stat_reset_shared('wal')");
            st.execute("SELECT pg_stat_reset()");
        });
        try {
            postmaster = Long.parseLong(BenchPostgres.postmasterPid(postgres));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        cpuAtReset = serverCpuNanos();
    }

    /**
     * Called at the end of the measured checkouts, while the pool's backends live: the CPU time the server's
     * processes used since {@link #reset} ({@code /proc/<pid>/schedstat} of the postmaster and its live children,
     * nanoseconds, plus the postmaster's reaped children's utime and stime, clock ticks), per checkout, in all and by
     * process (the JDBC backends together, the others by their title).
     */
    void measured() {
        Map<String, Long> now = serverCpuNanos();
        long sum = 0;
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            long d = e.getValue() - cpuAtReset.getOrDefault(e.getKey(), 0L);
            sum += d;
            if (d > 0) {
                parts.append(String.format("; %s %.2f", e.getKey(), d / 1e6 / checkouts));
            }
        }
        cpuLine = String.format("  server CPU ms (postmaster and its processes): %.2f%s", sum / 1e6 / checkouts, parts);
    }

    private Map<String, Long> serverCpuNanos() {
        Map<String, Long> sum = new TreeMap<>();
        try {
            String[] stat = Files.readString(Path.of("/proc", Long.toString(postmaster), "stat"))
                    .replaceFirst("^.*\\) ", "").split(" ");
            // fields 16, 17 (cutime, cstime) of proc(5) are at 13, 14 after the name
            sum.put("exited children", (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 10_000_000L);
            sum.put("postmaster", schedNanos(postmaster));
            try (Stream<Path> tasks = Files.list(Path.of("/proc"))) {
                for (Path p : tasks.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] f = Files.readString(p.resolve("stat")).replaceFirst("^.*\\) ", "").split(" ");
                        if (Long.parseLong(f[1]) == postmaster) { // ppid
                            String title = Files.readString(p.resolve("cmdline")).replace('\0', ' ').strip()
                                    .replaceFirst("^postgres: ", "");
                            String role = title.matches("^\\S+ \\S+ (127\\.0\\.0\\.1|\\[local\\]|localhost).*") ? "JDBC backends"
                                    : title.replaceFirst("^(autovacuum worker).*", "$1");
                            sum.merge(role, schedNanos(Long.parseLong(name)), Long::sum);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited between the listing and the read
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the server's CPU time: " + e.getMessage(), e);
        }
        return sum;
    }

    private static long schedNanos(long pid) throws IOException {
        return Long.parseLong(Files.readString(Path.of("/proc", Long.toString(pid), "schedstat")).split(" ")[0]);
    }

    private double per(long n) {
        return n / (double) checkouts;
    }

    /** Reads the counters since {@link #reset}, per checkout. */
    void read(EmbeddedPostgres postgres) {
        run(postgres, st -> {
            lines.add(String.format("== PostgreSQL server, per checkout (%d measured)", checkouts));
            try (ResultSet rs = st.executeQuery("SELECT version(), current_setting('fsync'), current_setting('wal_sync_method'), "
                    + "current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('plan_cache_mode')")) {
                rs.next();
                lines.add(String.format("  %s; fsync=%s, wal_sync_method=%s, synchronous_commit=%s, full_page_writes=%s, plan_cache_mode=%s",
                        rs.getString(1).replaceFirst(" on .*", ""), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
            lines.add(cpuLine);
            try (ResultSet rs = st.executeQuery("SELECT xact_commit, xact_rollback, blks_hit, blks_read, tup_inserted, "
                    + "tup_updated, tup_deleted FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                lines.add(String.format("  transactions: %.1f commits, %.1f rollbacks (this reader's own included); "
                                + "buffers hit %.0f, read %.1f; rows inserted %.1f, updated %.1f, deleted %.1f",
                        per(rs.getLong(1)), per(rs.getLong(2)), per(rs.getLong(3)), per(rs.getLong(4)), per(rs.getLong(5)),
                        per(rs.getLong(6)), per(rs.getLong(7))));
            }
            try (ResultSet rs = st.executeQuery("SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync, wal_buffers_full "
                    + "FROM pg_stat_wal")) {
                rs.next();
                lines.add(String.format("  WAL: %.0f records, %.1f full-page images, %.1f KiB; %.1f writes, %.1f syncs, "
                                + "%.1f buffers full", per(rs.getLong(1)), per(rs.getLong(2)), rs.getLong(3) / 1024.0 / checkouts,
                        per(rs.getLong(4)), per(rs.getLong(5)), per(rs.getLong(6))));
            }
            double[] entries = {0};
            try (ResultSet rs = st.executeQuery("SELECT t.relname, t.n_tup_ins, t.n_tup_upd, t.n_tup_hot_upd, t.n_tup_del, "
                    + "t.seq_scan, t.idx_scan, (SELECT COUNT(*) FROM pg_index i WHERE i.indrelid = t.relid) "
                    + "FROM pg_stat_user_tables t WHERE t.n_tup_upd + t.n_tup_ins + t.n_tup_del + t.seq_scan + COALESCE(t.idx_scan, 0) > 0 "
                    + "ORDER BY t.n_tup_upd + t.n_tup_ins + t.n_tup_del DESC, t.relname")) {
                while (rs.next()) {
                    long ins = rs.getLong(2);
                    long upd = rs.getLong(3);
                    long hot = rs.getLong(4);
                    long indexes = rs.getLong(8);
                    double written = per((ins + upd - hot) * indexes);
                    entries[0] += written;
                    lines.add(String.format("  table %-16s inserts %5.1f, updates %5.1f (HOT %5.1f), deletes %4.1f, seq scans %5.1f, "
                                    + "index scans %6.1f; %2d indexes, index entries written %6.1f", rs.getString(1), per(ins), per(upd),
                            per(hot), per(rs.getLong(5)), per(rs.getLong(6)), per(rs.getLong(7)), indexes, written));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), AVG(octet_length(doc)), AVG(pg_column_size(doc)), "
                    + "AVG(pg_column_size(o.*)), SUM(CASE WHEN status = 'Unsubmitted' THEN 1 ELSE 0 END) FROM orders o")) {
                rs.next();
                lines.add(String.format("  orders: %d rows (%d carts), document %.0f bytes as text, %.0f stored, row %.0f stored",
                        rs.getLong(1), rs.getLong(5), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
            }
            lines.add(String.format("  index entries written: %.1f (inserts and non-HOT updates times the table's indexes)", entries[0]));
            try (ResultSet rs = st.executeQuery("SELECT SUM(calls), SUM(plans), SUM(total_plan_time), SUM(total_exec_time), "
                    + "SUM(shared_blks_hit), SUM(shared_blks_dirtied), SUM(wal_fpi), SUM(wal_bytes) FROM pg_stat_statements "
                    + "WHERE query NOT LIKE '%pg_stat%'")) {
                rs.next();
                lines.add(String.format("  statements: %.1f executions, %.1f plans made; planning %.2f ms, execution %.2f ms; "
                                + "buffers hit %.0f, dirtied %.1f; WAL %.1f full-page images, %.1f KiB", per(rs.getLong(1)),
                        per(rs.getLong(2)), rs.getDouble(3) / checkouts, rs.getDouble(4) / checkouts, per(rs.getLong(5)),
                        per(rs.getLong(6)), per(rs.getLong(7)), rs.getDouble(8) / 1024 / checkouts));
            }
            lines.add("  per statement:   calls   plans  plan ms  exec ms    rows   hit dirtied  WAL recs   fpi   KiB  query");
            try (ResultSet rs = st.executeQuery("SELECT calls, plans, total_plan_time, total_exec_time, rows, shared_blks_hit, "
                    + "shared_blks_dirtied, wal_records, wal_fpi, wal_bytes, query FROM pg_stat_statements "
                    + "WHERE query NOT LIKE '%pg_stat%' ORDER BY total_plan_time + total_exec_time DESC LIMIT 25")) {
                while (rs.next()) {
                    String query = rs.getString(11).replaceAll("\\s+", " ");
                    lines.add(String.format("  %22.1f %7.1f %8.3f %8.3f %7.1f %5.0f %7.1f %9.1f %5.1f %5.1f  %s", per(rs.getLong(1)),
                            per(rs.getLong(2)), rs.getDouble(3) / checkouts, rs.getDouble(4) / checkouts, per(rs.getLong(5)),
                            per(rs.getLong(6)), per(rs.getLong(7)), per(rs.getLong(8)), per(rs.getLong(9)),
                            rs.getDouble(10) / 1024 / checkouts, query.length() > 160 ? query.substring(0, 160) + "…" : query));
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
