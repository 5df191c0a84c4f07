package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H2's PAGE_SIZE is where the engine's MVStore splits its B-tree pages, not something stored in the file: a data folder
 * written with a previous setting (4 KiB, sessions 8 and 9; 2 KiB, sessions 10 to 13; the engine now uses H2's 16 KiB)
 * opens with the engine's URL, reads back exactly, takes updates and new rows, and opens again with the previous URL (an
 * older engine) with everything there.
 */
class H2PageSizeTest {

    /** The H2 URL settings of the engine before session 10 (4 KiB pages) and of sessions 10 to 13 (2 KiB). */
    private static final String[] PREVIOUS = {
        ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;PAGE_SIZE=4096",
        ";WRITE_DELAY=1000;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;PAGE_SIZE=2048",
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aFolderWrittenWithSmallerPagesOpensUpdatesAndOpensAgainBothWays(int which) throws Exception {
        Path folder = dir.toAbsolutePath();
        String previous = "jdbc:h2:file:" + folder.resolve("orderhooks") + PREVIOUS[which];
        assertThat(JdbcStores.h2Url(folder)).doesNotEndWith(PREVIOUS[which]).doesNotContain("PAGE_SIZE");
        Map<String, String> expected = new TreeMap<>();
        OlderSchema.h2(folder, "1");
        try (Connection c = DriverManager.getConnection(previous, "sa", "")) {
            write(c, expected, 0, 800, "first");
        }
        // the engine's store opens it (migrates to the latest schema, probes a write)
        try (JdbcStore store = JdbcStores.h2(folder)) {
            assertThat(store.problem()).isNull();
        }
        try (Connection c = DriverManager.getConnection(JdbcStores.h2Url(folder), "sa", "")) {
            assertThat(read(c)).isEqualTo(expected);
            write(c, expected, 0, 400, "updated"); // pages written small, rewritten now
            write(c, expected, 800, 1300, "second");
        }
        try (Connection c = DriverManager.getConnection(JdbcStores.h2Url(folder), "sa", "")) {
            assertThat(read(c)).isEqualTo(expected);
        }
        try (Connection c = DriverManager.getConnection(previous, "sa", "")) {
            assertThat(read(c)).isEqualTo(expected);
        }
    }

    /** Writes documents {@code from} to {@code to} (new or replaced), each its own commit, and notes them. */
    private static void write(Connection c, Map<String, String> expected, int from, int to, String tag) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO documents (tbl, doc_key, doc) KEY (tbl, doc_key) VALUES ('t', ?, ?)")) {
            for (int i = from; i < to; i++) {
                String key = String.format("doc-%05d", i);
                String doc = "{\"tag\":\"" + tag + "\",\"text\":\"" + (tag + " " + i + " ").repeat(20) + "\"}";
                ps.setString(1, key);
                ps.setString(2, doc);
                ps.executeUpdate();
                expected.put(key, doc);
            }
        }
    }

    private static Map<String, String> read(Connection c) throws Exception {
        Map<String, String> docs = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_key, doc FROM documents WHERE tbl = 't'")) {
            while (rs.next()) {
                docs.put(rs.getString(1), rs.getString(2));
            }
        }
        return docs;
    }
}
