package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost when the engine's H2 process is killed (SIGKILL) while it commits and compacts.
 *
 * <p>Each round starts {@link H2CompactionCrashChild} on the same data folder (a real JVM opening it as the engine
 * does), lets it commit writes (each printed only after its commit returned) while a thread of it compacts after every
 * few commits, kills it after a random number of acknowledged commits, opens the folder as the engine does and checks
 * every row: at the last acknowledged version with that version's text, or one transaction further (the commit in
 * flight at the kill, all of its rows or none).
 *
 * <p>Two settings. <b>The engine's</b> (RETENTION_TIME as the URL leaves it, H2's 45 s): within a round no chunk is
 * old enough to be rewritten or freed, so this checks the engine's open path and the running compaction thread, not
 * the reuse of space. <b>RETENTION_TIME 0</b>: a dead chunk's space is free at the next commit, so the compaction
 * rewrites and the file's space is reused within the run (the test checks that the child wrote several times the file's
 * size); this is where new chunks land in holes no earlier chunk predicted and H2's normal open misses them (each
 * round also opens a copy of the killed folder without the recovery scan and reports what that open would have lost).
 * What retention 0 does not show: the protection the 45 s give against a power loss (writes reaching the disk out of
 * order), which no test here can produce; the engine promises survival of a process crash, not of a power loss
 * (DURABILITY.md).
 */
class H2CompactionCrashTest {

    /** Every child started; a failed test leaves none running (one that was left ran on for 20 minutes). */
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @TempDir
    Path dir;

    @Test
    void killedWhileCommittingWithTheEnginesSettingsLosesNothingAcknowledged() throws Exception {
        run("default", 2, 11L);
    }

    @Test
    void killedWhileCommittingAndReusingSpaceLosesNothingAcknowledged() throws Exception {
        Result r = run("0", 4, 23L);
        assertThat(r.compactions).as("compaction steps that rewrote chunks").isPositive();
        assertThat(r.maxWrittenToSizeRatio).as("bytes written per byte of file in one child (space reused)").isGreaterThan(2.0);
    }

    @Test
    void aFileClosedCleanlyIsNotScannedAndOneKilledIs() throws Exception {
        Path folder = dir.resolve("clean").toAbsolutePath();
        try (JdbcStore store = JdbcStores.h2(folder, 2)) {
            assertThat(store.problem()).isNull();
        }
        assertThat(H2Housekeeping.recoverNewestChunk(folder.resolve("orderhooks"))).isFalse();
        // open in this process (a second store on the folder shares H2's database): nothing to scan, and it opens
        try (JdbcStore first = JdbcStores.h2(folder, 2); JdbcStore second = JdbcStores.h2(folder, 2)) {
            assertThat(H2Housekeeping.recoverNewestChunk(folder.resolve("orderhooks"))).isFalse();
            assertThat(second.problem()).isNull();
        }
        List<String> output = new ArrayList<>();
        Process child = start(folder, "default", 5L, output);
        BlockingQueue<String> lines = reader(child, output);
        for (String line = lines.poll(120, TimeUnit.SECONDS); line == null || !line.startsWith("ack "); line = lines.poll(120, TimeUnit.SECONDS)) {
            assertThat(line).as("child output:\n%s", printed(output)).isNotNull().isNotEqualTo("<eof>");
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(H2Housekeeping.recoverNewestChunk(folder.resolve("orderhooks"))).isTrue();
        // the scan's close marks the file clean: the next open is not scanned again
        assertThat(H2Housekeeping.recoverNewestChunk(folder.resolve("orderhooks"))).isFalse();
    }

    @Test
    @Tag("slow")
    void manyKillsWhileReusingSpaceLoseNothingAcknowledged() throws Exception {
        Result r = run("0", 30, 37L);
        assertThat(r.compactions).isPositive();
        assertThat(r.maxWrittenToSizeRatio).isGreaterThan(2.0);
    }

    private record Result(int compactions, double maxWrittenToSizeRatio, int lostByPlainOpen) {
    }

    private Result run(String retention, int rounds, long seed) throws Exception {
        Path folder = dir.resolve("data").toAbsolutePath();
        Random random = new Random(seed);
        Map<Integer, Long> acked = new HashMap<>();
        int compactions = 0;
        double ratio = 0;
        int lostByPlainOpen = 0;
        for (int round = 0; round < rounds; round++) {
            int killAfter = 300 + random.nextInt(1500);
            List<String> output = new ArrayList<>();
            Process child = start(folder, retention, random.nextLong(), output);
            BlockingQueue<String> lines = reader(child, output);
            int acks = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acks < killAfter) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    assertThat(child.isAlive()).as("child alive, output:\n%s", printed(output)).isTrue();
                    assertThat(System.nanoTime()).as("child too slow, output:\n%s", printed(output)).isLessThan(deadline);
                    continue;
                }
                if (line.startsWith("ack ")) {
                    acks++;
                }
            }
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // every line the child printed before it died was printed after its commit returned; all of them are read
            // (up to the end of its output, which the dead child's closed pipe ends), not only those a busy reader
            // thread passed on within some seconds: a missed last ack would look like rows ahead of what was acked
            long drained = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String line = ""; !line.equals("<eof>"); ) {
                assertThat(System.nanoTime()).as("the killed child's output ends").isLessThan(drained);
                String next = lines.poll(1, TimeUnit.SECONDS);
                line = next == null ? "" : next;
            }
            List<String> printed;
            synchronized (output) {
                printed = List.copyOf(output);
            }
            for (String line : printed) {
                if (line.startsWith("ack ")) {
                    String[] f = line.split(" ");
                    for (int i = 1; i + 1 < f.length; i += 2) {
                        acked.merge(Integer.parseInt(f[i]), Long.parseLong(f[i + 1]), Math::max);
                    }
                } else if (line.equals("compacted")) {
                    compactions++;
                } else if (line.startsWith("file ")) {
                    ratio = Math.max(ratio, writtenToSize(line));
                }
            }
            lostByPlainOpen += lostByPlainOpen(folder, acked, round);
            Map<Integer, Long> found = readAsTheEngineOpensIt(folder);
            int ahead = 0;
            StringBuilder aheadRows = new StringBuilder();
            for (Map.Entry<Integer, Long> e : acked.entrySet()) {
                long v = found.getOrDefault(e.getKey(), 0L);
                assertThat(v).as("round %d key %d: acknowledged version %d", round, e.getKey(), e.getValue())
                        .isBetween(e.getValue(), e.getValue() + 3);
                if (v > e.getValue()) {
                    ahead++;
                    aheadRows.append(" key ").append(e.getKey()).append(": acked ").append(e.getValue())
                            .append(", found ").append(v);
                }
            }
            List<String> last = printed.subList(Math.max(0, printed.size() - 12), printed.size());
            assertThat(ahead).as("rows of the one transaction in flight at the kill (round %d;%s; the child's last lines:%n%s)",
                    round, aheadRows, String.join("\n", last)).isLessThanOrEqualTo(3);
            acked.putAll(found);
        }
        System.out.printf("H2CompactionCrashTest retention=%s rounds=%d: compaction steps that rewrote %d, written/file up to %.1f,"
                + " commits a plain H2 open (no recovery scan) would have lost: %d%n", retention, rounds, compactions, ratio, lostByPlainOpen);
        return new Result(compactions, ratio, lostByPlainOpen);
    }

    /** Opens the folder as the engine does and reads every row, checking each row's text against its version. */
    private static Map<Integer, Long> readAsTheEngineOpensIt(Path folder) throws Exception {
        try (JdbcStore store = JdbcStores.h2(folder, 2)) {
            assertThat(store.problem()).isNull();
            return rows(JdbcStores.h2Url(folder));
        }
    }

    /** Copies the killed folder and opens the copy as H2 does by itself: the acknowledged commits it misses (reported only). */
    private int lostByPlainOpen(Path folder, Map<Integer, Long> acked, int round) throws Exception {
        Path copy = dir.resolve("plain-" + round).toAbsolutePath();
        Files.createDirectories(copy);
        Files.copy(folder.resolve("orderhooks.mv.db"), copy.resolve("orderhooks.mv.db"));
        Map<Integer, Long> found;
        try {
            found = rows(JdbcStores.h2Url(copy));
        } catch (Exception e) {
            System.out.println("H2CompactionCrashTest: the plain open of round " + round + " failed: " + e);
            return acked.size();
        }
        int lost = 0;
        for (Map.Entry<Integer, Long> e : acked.entrySet()) {
            if (found.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                lost++;
            }
        }
        try (var files = Files.list(copy)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        return lost;
    }

    private static Map<Integer, Long> rows(String url) throws Exception {
        Map<Integer, Long> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS crash_kv (k INT PRIMARY KEY, v BIGINT NOT NULL, pad VARCHAR(8000) NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT k, v, pad FROM crash_kv")) {
                while (rs.next()) {
                    int k = rs.getInt(1);
                    long v = rs.getLong(2);
                    assertThat(rs.getString(3)).as("text of key %d at version %d", k, v).isEqualTo(H2CompactionCrashChild.pad(k, v));
                    found.put(k, v);
                }
            }
        }
        return found;
    }

    private static double writtenToSize(String line) {
        long size = 0;
        long written = 0;
        for (String f : line.split(" ")) {
            if (f.startsWith("info.FILE_SIZE=")) {
                size = Long.parseLong(f.substring("info.FILE_SIZE=".length()));
            } else if (f.startsWith("info.FILE_WRITE_BYTES=")) {
                written = Long.parseLong(f.substring("info.FILE_WRITE_BYTES=".length()));
            }
        }
        return size == 0 ? 0 : (double) written / size;
    }

    private Process start(Path folder, String retention, long seed, List<String> output) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                H2CompactionCrashChild.class.getName(), folder.toString(), retention, Long.toString(seed), "20");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(child);
        return child;
    }

    /** What the child printed so far, one line each (the reader thread adds to {@code output} meanwhile). */
    private static String printed(List<String> output) {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Collects the child's lines (also into {@code output}); {@code <eof>} when its output ends. */
    private static BlockingQueue<String> reader(Process p, List<String> output) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child died
            }
            lines.add("<eof>");
        }, "crash-child-output");
        t.setDaemon(true);
        t.start();
        return lines;
    }
}
