package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when an engine's H2 process is killed (SIGKILL) during a burst of order writes while
 * its journal rotates (every 50 ms) and deletes files: {@link H2JournalCrashChild} in a real JVM, killed after a number
 * of acknowledged writes, twice on the same folder; after each kill the folder is opened as the engine does and every
 * acknowledged order is there with its acknowledged lines (or the one write in flight more), and the order counts
 * agree with the order rows.
 */
class H2JournalCrashTest {

    private final List<Process> children = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedDuringABurstOfOrderWritesAndJournalRotationsLosesNoAcknowledgedWrite() throws Exception {
        Path folder = dir.resolve("data").toAbsolutePath();
        Map<String, Integer> acked = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            int journalFiles = runAndKill(folder, "r" + round + "-", 150 + 100 * round, acked);
            try (JdbcStore store = JdbcStores.h2(folder, 2)) {
                for (Map.Entry<String, Integer> e : acked.entrySet()) {
                    int lines = store.order(e.getKey()).orElseThrow(() -> new AssertionError("lost order " + e.getKey()))
                            .lineItems().size();
                    assertThat(lines).as("lines of %s, acknowledged %d", e.getKey(), e.getValue())
                            .isBetween(e.getValue(), e.getValue() + 1);
                }
            }
            // the kill left commits H2's file did not have yet (its background writer waits up to a second)
            assertThat(journalFiles).as("journal files left by the killed child (round %d)", round).isPositive();
            try (Connection c = DriverManager.getConnection(JdbcStores.h2Url(folder), "sa", "");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM orders),"
                         + " (SELECT COALESCE(SUM(n), 0) FROM order_counts WHERE side = 'F' AND company = 'b1')")) {
                rs.next();
                assertThat(rs.getLong(2)).as("the buyer's order count against the order rows").isEqualTo(rs.getLong(1));
            }
        }
    }

    /** Starts a child, reads its acknowledgements until {@code acks}, kills it; the journal files it left. */
    private int runAndKill(Path folder, String prefix, int acks, Map<String, Integer> acked) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Dorderhooks.h2.journal.rotateMs=50", "-cp",
                System.getProperty("java.class.path"), H2JournalCrashChild.class.getName(), folder.toString(), prefix)
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        children.add(child);
        int seen = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (seen < acks && System.nanoTime() < deadline && (line = in.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    String[] f = line.split(" ");
                    acked.put(f[1], Integer.parseInt(f[2]));
                    seen++;
                }
            }
            // killed while it writes: what it acknowledged after the last line read is not checked (a subset is)
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(seen).as("acknowledged writes before the kill").isEqualTo(acks);
        return H2Journal.existingFiles(folder).size();
    }
}
