package io.orderhooks.engine.internal.store.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;

/**
 * The child JVM of {@link H2CompactionCrashTest}: opens the data folder as the engine does ({@link JdbcStores#h2}: the
 * recovery scan before the open, the compaction thread), then commits one write after another to a table of its own
 * and prints {@code ack <key> <version>} after each commit returned, until it is killed. A second thread runs
 * {@link H2Housekeeping#compactStep()} after every {@code compactEvery} commits, concurrently with the writes.
 *
 * <p>Arguments: data folder, retention ({@code default} keeps the engine's URL as it is, a number of ms runs
 * {@code SET RETENTION_TIME}), seed, compactEvery.
 */
public final class H2CompactionCrashChild {

    static final int KEYS = 300;

    private H2CompactionCrashChild() {
    }

    /** The text a row holds at {@code version}: its length and contents follow from key and version. */
    static String pad(int key, long version) {
        int length = (int) ((key * 7919L + version * 104729L) % 7000);
        StringBuilder sb = new StringBuilder(length);
        long x = key * 1_000_003L + version;
        while (sb.length() < length) {
            sb.append(Long.toString(x, 36));
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sb.setLength(length);
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String retention = args[1];
        Random random = new Random(Long.parseLong(args[2]));
        int compactEvery = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        // the writes go through the store's pool, so through its journal (H2 writes its file in the background)
        try (JdbcStore store = JdbcStores.h2(dir, 2);
             Connection c = store.pooledConnection()) {
            try (Statement st = c.createStatement()) {
                if (!retention.equals("default")) {
                    // H2 reuses a dead chunk's space at once only when every commit is written before it returns: with
                    // its background writer (the engine's WRITE_DELAY) a retention of 0 frees chunks that readers and
                    // the writer still use, and one recovery in session 13 then found a row locked by a transaction
                    // that was not open (H2 spun in its lock wait); this setting is H2's, not the engine's
                    st.execute("SET WRITE_DELAY 0");
                    st.execute("SET RETENTION_TIME " + Integer.parseInt(retention));
                }
                st.execute("CREATE TABLE IF NOT EXISTS crash_kv (k INT PRIMARY KEY, v BIGINT NOT NULL, pad VARCHAR(8000) NOT NULL)");
            }
            Map<Integer, Long> versions = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT k, v FROM crash_kv")) {
                while (rs.next()) {
                    versions.put(rs.getInt(1), rs.getLong(2));
                }
            }
            H2Housekeeping housekeeping = H2Housekeeping.unscheduled(c);
            Semaphore due = new Semaphore(0);
            Thread compactor = new Thread(() -> {
                while (true) {
                    due.acquireUninterruptibly();
                    if (housekeeping.compactStep()) {
                        out.println("compacted");
                    }
                }
            }, "crash-child-compactor");
            compactor.setDaemon(true);
            compactor.start();
            out.println("ready " + versions.size());
            out.flush();
            c.setAutoCommit(false);
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO crash_kv (k, v, pad) KEY (k) VALUES (?, ?, ?)");
                 PreparedStatement info = c.prepareStatement(
                         "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                 + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILE_WRITE_BYTES')")) {
                for (long n = 1; ; n++) {
                    // one to three rows a transaction, so chunks differ in size and land in different holes
                    int rows = 1 + random.nextInt(3);
                    StringBuilder acks = new StringBuilder();
                    for (int i = 0; i < rows; i++) {
                        int k = random.nextInt(KEYS);
                        long v = versions.getOrDefault(k, 0L) + 1;
                        merge.setInt(1, k);
                        merge.setLong(2, v);
                        merge.setString(3, pad(k, v));
                        merge.executeUpdate();
                        versions.put(k, v);
                        acks.append(" ").append(k).append(' ').append(v);
                    }
                    c.commit();
                    out.println("ack" + acks);
                    out.flush();
                    if (n % compactEvery == 0) {
                        due.release();
                    }
                    if (n % 200 == 0) {
                        StringBuilder line = new StringBuilder("file");
                        try (ResultSet rs = info.executeQuery()) {
                            while (rs.next()) {
                                line.append(' ').append(rs.getString(1)).append('=').append(rs.getString(2));
                            }
                        }
                        c.commit();
                        out.println(line);
                        out.flush();
                    }
                }
            }
        }
    }
}
