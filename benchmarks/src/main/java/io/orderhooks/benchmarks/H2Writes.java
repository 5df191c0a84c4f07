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
 * connection to the database the store has open in this process. Load-insensitive, like the statement counts. At the
 * end also the file's state: its size, its chunks (MVStore writes one per commit), how full they are (the share of
 * their bytes still live; chunks are only freed once wholly dead) and the page cache's hit ratio.
 */
final class H2Writes {

    private static final List<String> NAMES =
            List.of("info.FILE_WRITE", "info.FILE_WRITE_BYTES", "info.FILE_READ", "info.FILE_READ_BYTES");

    /** The file's state, read at the end; percentages as H2 reports them. */
    private static final List<String> STATE = List.of("info.FILE_SIZE", "info.CHUNK_COUNT", "info.CHUNKS_FILL_RATE",
            "info.FILL_RATE", "info.CACHE_HIT_RATIO");

    /** The name of the engine's H2 compaction thread (H2Housekeeping, session 11); absent before. */
    private static final String COMPACTION_THREAD = "orderhooks-h2-housekeeping";

    private long[] start = {0, 0, 0, 0};
    private long[] end = {0, 0, 0, 0};
    private long compactionCpuStart;
    private long compactionCpuEnd;
    private long[] state = {0, 0, 0, 0, 0};

    private long journalStart;
    private long journalEnd;

    void reset(Path dir) {
        start = counters(dir);
        journalStart = journalBytes(dir);
        compactionCpuStart = ThreadCpu.read(COMPACTION_THREAD).requests();
    }

    void read(Path dir) {
        end = counters(dir);
        journalEnd = journalBytes(dir);
        state = read(dir, STATE);
        compactionCpuEnd = ThreadCpu.read(COMPACTION_THREAD).requests();
    }

    /** The database file's size in bytes at the end. */
    long fileBytes() {
        return state[0];
    }

    /** KiB written to the database file per checkout over the measured checkouts. */
    double kibWrittenPerCheckout(int checkouts) {
        return (end[1] - start[1]) / 1024.0 / checkouts;
    }

    /** KiB appended to the engine's H2 journal per checkout (its files' growth: exact while no file was deleted). */
    double journalKibPerCheckout(int checkouts) {
        return (journalEnd - journalStart) / 1024.0 / checkouts;
    }

    /** The bytes of the journal files in {@code dir} (H2Journal, session 13). */
    static long journalBytes(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("orderhooks-journal-")).mapToLong(p -> {
                try {
                    return java.nio.file.Files.size(p);
                } catch (java.io.IOException e) {
                    return 0; // deleted meanwhile
                }
            }).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void print(int checkouts) {
        System.out.printf("H2 journal per checkout: %.1f KiB appended (the files' growth; exact only while none was rotated"
                + " and deleted: -Dorderhooks.h2.journal.rotateMs longer than the run)%n", journalKibPerCheckout(checkouts));
        System.out.printf("H2 file per checkout: %.1f writes, %.1f KiB written, %.1f reads, %.1f KiB read%n",
                (end[0] - start[0]) / (double) checkouts, (end[1] - start[1]) / 1024.0 / checkouts,
                (end[2] - start[2]) / (double) checkouts, (end[3] - start[3]) / 1024.0 / checkouts);
        System.out.printf("H2 file at the end: %.1f MiB, %d chunks, chunks %d %% live, file %d %% live, page cache hits %d %%%n",
                state[0] / 1048576.0, state[1], state[2], state[3], state[4]);
        System.out.printf("H2 compaction thread's CPU per checkout: %.3f ms%n",
                (compactionCpuEnd - compactionCpuStart) / 1e6 / checkouts);
    }

    private static long[] counters(Path dir) {
        return read(dir, NAMES);
    }

    /** The values of H2's settings {@code names} (whole numbers) in {@code names}' order. */
    private static long[] read(Path dir, List<String> names) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("orderhooks"), "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")")) {
            for (int i = 0; i < names.size(); i++) {
                ps.setString(i + 1, names.get(i));
            }
            return read(ps, names);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read H2's file counters in " + dir, e);
        }
    }

    private static long[] read(PreparedStatement ps, List<String> names) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            long[] out = new long[names.size()];
            while (rs.next()) {
                out[names.indexOf(rs.getString(1))] = Long.parseLong(rs.getString(2));
            }
            return out;
        }
    }
}
