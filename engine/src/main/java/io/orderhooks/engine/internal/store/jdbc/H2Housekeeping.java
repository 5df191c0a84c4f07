package io.orderhooks.engine.internal.store.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine's H2 file bounded while the engine runs, without weakening "a commit is in the file before it
 * returns" (since session 13 H2 writes in the background and {@link H2Journal} keeps acknowledged commits; until
 * then WRITE_DELAY=0, see {@link JdbcStores#h2Url}).
 *
 * <p><b>Why it is needed.</b> H2's MVStore appends each commit as a new chunk; a chunk's space is reused only once
 * none of its pages is live (and it is older than RETENTION_TIME). Under a checkout load nearly every chunk keeps a
 * page no later commit replaces, so without something that rewrites those pages the file grows by about what the
 * commits write (~0.4 MiB per 20-line checkout, PERFORMANCE.md session 10). H2's own rewriting runs only on its
 * background writer, which it starts only for WRITE_DELAY &gt; 0 (the engine's setting since session 13, with
 * {@link H2Journal}); this thread was kept then, unmeasured without it.
 *
 * <p><b>Compaction</b> ({@link #compactStep}): one thread of ours, once a second, calls H2's own
 * {@link MVStore#compact(int, int)} (what H2's background writer calls: the live pages of the sparsest chunks older
 * than RETENTION_TIME are rewritten, at most {@link #WRITE_LIMIT} bytes of them a step) and commits them, so those
 * chunks die; their space is freed by the next commit and reused by later chunks, and H2 cuts the file's tail when
 * it is free (it moves no chunk while the engine runs; on close and SHUTDOWN COMPACT it does). What the file holds
 * beyond the live data is then what the commits of the last RETENTION_TIME wrote plus the chunks not rewritten yet:
 * it follows the write rate, not the uptime (PERFORMANCE.md, session 11, where it did not yet level off in 16
 * minutes on a loaded machine).
 *
 * <p><b>Finding the newest chunk after a crash</b> ({@link #recoverNewestChunk}). Once space is reused a chunk can
 * be written into a hole the previous chunk did not predict; H2 then rewrites the file's store header, but pointing at
 * the previous chunk (it sets its last chunk only after the write), and a chunk in the middle of the file is found on
 * open only through that header, the chain of predicted positions, or the file's tail. So after a SIGKILL H2's normal
 * open can miss the newest chunks, i.e. the last acknowledged commits (this is what lost the last update in session
 * 10's prototype with RETENTION_TIME=0; it can happen without compaction too, whenever a freed chunk is reused). H2's
 * recovery mode instead scans the whole file for complete chunks and takes the newest whose chunk set is complete.
 * So before an open of a file that was not closed cleanly the engine opens it once as a bare MVStore in recovery mode
 * and closes it, which writes a header pointing at that chunk; H2 then opens from it. The scan reads a chunk footer
 * at every 4 KiB block of the file (its cost is measured in PERFORMANCE.md, session 11) and writes no data page.
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    /** Compact while fewer than this percentage of the chunks' bytes are live (H2's AUTO_COMPACT_FILL_RATE default). */
    static final int TARGET_FILL_RATE = 90;
    /** Live bytes rewritten per step at most (a step holds H2's store lock, so commits wait while it runs). */
    static final int WRITE_LIMIT = 4 << 20;
    /** Time between the end of one step and the start of the next. */
    static final long PERIOD_MS = 1_000;

    private final MVStore store;
    private final ScheduledExecutorService thread;
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong rewritingSteps = new AtomicLong();

    private H2Housekeeping(MVStore store, boolean scheduled) {
        this.store = store;
        if (scheduled) {
            this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "orderhooks-h2-housekeeping");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::scheduledStep, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        } else {
            this.thread = null;
        }
    }

    /**
     * Starts compacting the H2 database that {@code c} (a connection of this process to an embedded H2 database in
     * file mode) belongs to, one step a second on a daemon thread. The connection may be closed afterwards.
     */
    static H2Housekeeping start(Connection c) throws SQLException {
        return new H2Housekeeping(mvStore(c), true);
    }

    /** The same, without the thread: the caller runs {@link #compactStep()} itself (tests). */
    static H2Housekeeping unscheduled(Connection c) throws SQLException {
        return new H2Housekeeping(mvStore(c), false);
    }

    static MVStore mvStore(Connection c) throws SQLException {
        JdbcConnection h2 = c.unwrap(JdbcConnection.class);
        return ((SessionLocal) h2.getSession()).getDatabase().getStore().getMvStore();
    }

    /**
     * Before H2 opens the database at {@code databasePath} (the URL's path, without {@code .mv.db}): if its file exists
     * and was not closed cleanly (its store header has no clean mark: H2 removes the mark with the first write after
     * an open and sets it again on close), opens it as a bare MVStore in recovery mode (a scan of the whole file for
     * the newest complete chunk) and closes it again, which writes the store header pointing at that chunk. Nothing
     * else is written: no map is opened, no background thread is started, no compaction runs on close. Skipped
     * when the file is locked (open in this process already, or in another one, whose lock H2's own open then reports).
     *
     * @return whether the file was scanned
     */
    static boolean recoverNewestChunk(Path databasePath) {
        Path file = databasePath.resolveSibling(databasePath.getFileName() + ".mv.db");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            if (closedCleanly(file)) {
                return false;
            }
            MVStore recovered = new MVStore.Builder()
                    .fileName(file.toString())
                    .recoveryMode()
                    .autoCommitDisabled()
                    .open();
            recovered.close(0);
            return true;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                // Open already: in this process (a second store on the folder shares H2's open database, which needs
                // no recovery) or in another one (H2's own open then refuses it, as without the scan).
                return false;
            }
            throw e;
        }
    }

    /** Whether the file's store header carries H2's clean-shutdown mark (read without writing anything). */
    private static boolean closedCleanly(Path file) {
        try (MVStore readOnly = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            // the header's values are hexadecimal text; "clean" is H2's FileStore.HDR_CLEAN (not public)
            Object clean = readOnly.getFileStore().getStoreHeader().get("clean");
            return clean != null && Integer.parseInt(clean.toString(), 16) != 0;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw e;
            }
            // H2's quick open found no consistent chunk set: the recovery scan is what may still find one
            return false;
        } catch (NumberFormatException e) {
            // a clean mark H2 did not write: scan
            return false;
        }
    }

    /**
     * One compaction step: if the chunks' fill rate is below {@link #TARGET_FILL_RATE}, rewrites the live pages of the
     * sparsest chunks older than RETENTION_TIME (at most {@link #WRITE_LIMIT} bytes) and commits them.
     *
     * @return whether anything was rewritten
     */
    boolean compactStep() {
        steps.incrementAndGet();
        boolean rewritten = store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        if (rewritten) {
            rewritingSteps.incrementAndGet();
            store.commit();
        }
        return rewritten;
    }

    private void scheduledStep() {
        if (store.isClosed()) {
            thread.shutdown();
            return;
        }
        try {
            compactStep();
        } catch (MVStoreException | IllegalStateException e) {
            if (store.isClosed()) {
                thread.shutdown();
            } else {
                // the next step tries again; a failing store shows in the requests' own commits
                LOG.warn("H2 compaction step failed: {}", e.toString());
            }
        }
    }

    /** Steps run, and of them the ones that rewrote something. */
    long[] stepCounts() {
        return new long[] {steps.get(), rewritingSteps.get()};
    }

    /** Stops the thread, waiting for a running step to end (before the database closes under it). */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("H2 compaction step still running after 30 s at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
