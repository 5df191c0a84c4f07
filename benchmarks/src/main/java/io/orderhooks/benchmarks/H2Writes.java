package io.orderhooks.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * What an H2 file store wrote to its database file over the measured checkouts: H2's own counters
 * ({@code INFORMATION_SCHEMA.SETTINGS}: {@code info.FILE_WRITE}, {@code info.FILE_WRITE_BYTES}), read on a second
 * connection to the database the store has open in this process. Load-insensitive, like the statement counts.
 */
final class H2Writes {

    private static final List<String> NAMES =
            List.of("info.FILE_WRITE", "info.FILE_WRITE_BYTES", "info.FILE_READ", "info.FILE_READ_BYTES");

    private long[] start = {0, 0, 0, 0};
    private long[] end = {0, 0, 0, 0};

    void reset(Path dir) {
        start = counters(dir);
    }

    void read(Path dir) {
        end = counters(dir);
    }

    /** KiB written to the database file per checkout over the measured checkouts. */
    double kibWrittenPerCheckout(int checkouts) {
        return (end[1] - start[1]) / 1024.0 / checkouts;
    }

    void print(int checkouts) {
        System.out.printf("H2 file per checkout: %.1f writes, %.1f KiB written, %.1f reads, %.1f KiB read%n",
                (end[0] - start[0]) / (double) checkouts, (end[1] - start[1]) / 1024.0 / checkouts,
                (end[2] - start[2]) / (double) checkouts, (end[3] - start[3]) / 1024.0 / checkouts);
    }

    private static long[] counters(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("orderhooks"), "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN (" + String.join(", ", Collections.nCopies(NAMES.size(), "?")) + ")")) {
            for (int i = 0; i < NAMES.size(); i++) {
                ps.setString(i + 1, NAMES.get(i));
            }
            return counters(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read H2's file counters in " + dir, e);
        }
    }

    private static long[] counters(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            long[] out = new long[NAMES.size()];
            while (rs.next()) {
                out[NAMES.indexOf(rs.getString(1))] = Long.parseLong(rs.getString(2));
            }
            return out;
        }
    }
}
