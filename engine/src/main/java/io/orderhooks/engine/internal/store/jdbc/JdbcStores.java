package io.orderhooks.engine.internal.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Opens {@link JdbcStore}s: an embedded H2 database in a data folder, or PostgreSQL. Each pool is HikariCP;
 * opening migrates the schema and checks that a write commits, so a store that opens can take writes.
 */
public final class JdbcStores {

    /** H2's JVM-wide switch of its value cache (see {@link #h2Url}), as set before any H2 class is used. */
    static final String H2_OBJECT_CACHE = "h2.objectCache";

    static {
        // read once, by H2's SysProperties class initializer: so set here, before this class lets any H2 class load;
        // an operator's own -Dh2.objectCache=... is kept
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
    }


    /** How long a request waits for a free connection before it is answered 503. */
    static final long CONNECTION_TIMEOUT_MS = 5_000;

    private JdbcStores() {
    }

    /** H2 in file mode in {@code dataDir} (created if missing; one engine process at a time). */
    public static JdbcStore h2(Path dataDir) {
        return h2(dataDir, 10);
    }

    /** As {@link #h2(Path)} with a pool of at most {@code poolSize} connections. */
    public static JdbcStore h2(Path dataDir, int poolSize) {
        return h2(dataDir, poolSize, UnaryOperator.identity());
    }

    /**
     * As {@link #h2(Path, int)}, the store's statements going through {@code observe(pool)} (a counting or tracing
     * {@link DataSource} for benchmarks and tests; migration and readiness checks use the pool directly).
     */
    public static JdbcStore h2(Path dataDir, int poolSize, UnaryOperator<DataSource> observe) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreStartFailure("cannot create the data folder " + dir + ": " + StoreStartFailure.rootMessage(e), e);
        }
        String url = h2Url(dir);
        String where = "the data folder " + dir;
        try {
            H2Housekeeping.recoverNewestChunk(dir.resolve("orderhooks"));
        } catch (RuntimeException e) {
            throw new StoreStartFailure("cannot open " + where + ": " + StoreStartFailure.rootMessage(e), e);
        }
        // one journal per data folder in this process, shared by its stores; the first store replays it
        H2Journal journal = H2Journal.acquire(dir);
        try {
            if (journal.first()) {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    H2Journal.recover(dir, c);
                }
            }
        } catch (SQLException | RuntimeException e) {
            journal.release();
            throw new StoreStartFailure("cannot recover " + where + " from its journal: " + StoreStartFailure.rootMessage(e), e);
        }
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        // the read-mostly tables' versions live in this process, shared by its stores on the same database
        JdbcStore store;
        try {
            store = open(url, new JournaledConnections(h2, journal), where, poolSize, observe,
                    TableVersions.InProcess.of(dir.resolve("orderhooks").toString()));
        } catch (RuntimeException e) {
            journal.release();
            throw e;
        }
        store.afterClose(journal::release);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            journal.start(c, true);
            store.closeFirst(H2Housekeeping.start(c));
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw new StoreStartFailure("cannot open " + where + ": " + StoreStartFailure.rootMessage(e), e);
        }
        // The file is locked by this process: post-webhooks claimed by a process that crashed are retried at once.
        store.releaseOutboxLeases();
        return store;
    }

    /** H2's WRITE_DELAY: the most a commit waits in memory before H2's background writer stores it (see {@link #h2Url}). */
    static final int WRITE_DELAY_MS = 1000;

    /**
     * The JDBC URL of the H2 database in data folder {@code dir} (absolute), with the engine's settings.
     *
     * <p>WRITE_DELAY={@value #WRITE_DELAY_MS} (session 13): H2's commit returns once the change is in memory, and H2's
     * background writer stores the file's new chunks (serializing every changed B-tree page and the pages above it,
     * 38.7 % of the request threads' CPU when each commit did it itself with WRITE_DELAY=0). A SIGKILL loses nothing
     * acknowledged all the same: the store's pool journals every write transaction ({@link H2Journal}: one append to
     * a journal file in the data folder before H2's commit) and the next open replays what H2's file lacks. What
     * writes around the pool (a connection of {@link java.sql.DriverManager}) is not journaled: the engine only reads
     * that way ({@link H2Housekeeping}) besides the recovery and the migrations, which are forced into the file before
     * the journal starts. H2's background writer also compacts (AUTO_COMPACT_FILL_RATE, H2's 90 %); the engine's own
     * {@link H2Housekeeping} thread still runs (not measured without it), and every open after a crash first scans the
     * file in MVStore's recovery mode, since once space is reused H2's normal open can miss the newest chunks.
     * What the file holds beyond the live data follows the write rate, not the uptime (PERFORMANCE.md, session 11).
     *
     * <p>QUERY_CACHE_SIZE: parsed statements kept per connection (H2's default of 8 is fewer than one checkout's
     * distinct statements, so each was parsed again on nearly every use). H2 never keeps a SELECT ... FOR UPDATE
     * there: the store keeps its locking reads prepared itself (KeptStatements).
     *
     * <p>PAGE_SIZE is H2's own, 16 KiB (where MVStore splits a B-tree page). Sessions 10 to 13 set 2 KiB: while each
     * commit wrote every page it changed (and the pages above it) whole, smaller pages wrote less (316 → 247 KiB per
     * 20-line checkout from 4 to 2 KiB, PERFORMANCE.md session 10). With H2's writer in the background a page changed
     * by many commits in a second is written once, so small pages no longer save much there (19.0 KiB written to the
     * file per checkout with 2 KiB pages, 22.5 with 16 KiB, {@code StatementCount h2 300 20} after 300, session 14),
     * while they made every B-tree deeper and its nodes many more objects: side by side under the 8-user checkout load
     * the engine spent 0.7 ms less CPU per checkout with 16 KiB pages (medians 11.61 vs 12.29 ms, 7 of 8 rounds in two
     * runs lower) and its young GC pauses totalled 7.0 vs 8.9 s (PERFORMANCE.md session 14). Not stored in the file:
     * existing databases open as before and split their pages as they are next written (H2PageSizeTest).
     *
     * <p>{@code h2.objectCache=false} (a JVM system property, session 14, set by this class unless the JVM was started
     * with one): H2 otherwise looks every value bound to a statement or read from its file up in a JVM-wide cache of
     * equal values, hashing the whole string first — every bound JSON document, ~1.3 KiB per line add, hashed for a cache
     * that never holds it (2.8 % of the engine's CPU samples under the 8-user checkout load). Side by side without it
     * the engine spent 10.85 → 10.54 ms per checkout, lower in 4 of 4 rounds (PERFORMANCE.md session 14). What it gave
     * up: sharing equal short values between rows read (less heap for many equal strings). It applies to every H2
     * database of the JVM, and only when H2's classes had not been used before this class.
     *
     * <p>Not set, measured or read in H2's source (session 10): CACHE_SIZE (a 64 MiB page cache instead of 16 read 2
     * fewer pages per checkout, nothing else measurable); AUTO_COMPACT_FILL_RATE (H2's background writer's, default
     * 90 %, the same as {@link H2Housekeeping}'s); RETENTION_TIME (45 s
     * before a dead chunk's space is reused: H2's protection of the file against a power loss, whose writes may
     * reach the disk out of order; kept, it also sets how much the file holds beyond the live data).
     */
    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("orderhooks")
                + ";WRITE_DELAY=" + WRITE_DELAY_MS + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
    }

    /**
     * The PostgreSQL pool's size when none is given: connections an engine instance opens (and keeps) at most. Each is
     * a server process; size it to the database's host (docs/OPERATIONS.md, "PostgreSQL connections").
     */
    public static final int POSTGRESQL_POOL_SIZE = 16;

    /** PostgreSQL at a JDBC URL ({@code jdbc:postgresql://host:port/db}). */
    public static JdbcStore postgresql(String jdbcUrl, String user, String password) {
        return postgresql(jdbcUrl, user, password, POSTGRESQL_POOL_SIZE);
    }

    /** As {@link #postgresql(String, String, String)} with a pool of at most {@code poolSize} connections. */
    public static JdbcStore postgresql(String jdbcUrl, String user, String password, int poolSize) {
        return postgresql(jdbcUrl, user, password, poolSize, UnaryOperator.identity());
    }

    /** As {@link #postgresql(String, String, String, int)}, statements observed as in {@link #h2(Path, int, UnaryOperator)}. */
    public static JdbcStore postgresql(String jdbcUrl, String user, String password, int poolSize,
                                       UnaryOperator<DataSource> observe) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user);
        cfg.setPassword(password);
        return open(jdbcUrl, cfg, "the PostgreSQL database " + redact(jdbcUrl), poolSize, observe, null);
    }

    /**
     * Opens the pool, migrates and probes the database; {@code inProcess}: the versions an H2 store keeps in this
     * process (released here if the open fails), null for versions in the database (PostgreSQL).
     */
    private static JdbcStore open(String url, DataSource journaled, String where, int poolSize,
                                  UnaryOperator<DataSource> observe, TableVersions.InProcess inProcess) {
        HikariConfig cfg = new HikariConfig();
        cfg.setDataSource(journaled);
        return open(url, cfg, where, poolSize, observe, inProcess);
    }

    private static JdbcStore open(String url, HikariConfig cfg, String where, int poolSize,
                                  UnaryOperator<DataSource> observe, TableVersions.InProcess inProcess) {
        cfg.setMaximumPoolSize(poolSize);
        cfg.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        cfg.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        cfg.setPoolName("orderhooks-store");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            if (inProcess != null) {
                inProcess.close();
            }
            throw new StoreStartFailure("cannot open " + where + ": " + StoreStartFailure.rootMessage(e), e);
        }
        try {
            SchemaMigration.migrate(pool, where);
            probeWrite(pool, where);
            TableVersions versions = inProcess != null ? inProcess : new TableVersions.InDatabase(pool);
            return new JdbcStore(pool, observe.apply(pool), Dialect.ofUrl(url), versions);
        } catch (RuntimeException e) {
            pool.close();
            if (inProcess != null) {
                inProcess.close();
            }
            throw e;
        }
    }

    /** Commits and removes one row, so a full disk or a read-only database stops the engine at start. */
    private static void probeWrite(HikariDataSource pool, String where) {
        try (Connection c = pool.getConnection();
             PreparedStatement ins = c.prepareStatement("INSERT INTO documents (tbl, doc_key, doc) VALUES ('_probe', ?, '{}')");
             PreparedStatement del = c.prepareStatement("DELETE FROM documents WHERE tbl = '_probe' AND doc_key = ?")) {
            String key = java.util.UUID.randomUUID().toString();
            ins.setString(1, key);
            ins.executeUpdate();
            del.setString(1, key);
            del.executeUpdate();
        } catch (SQLException e) {
            throw new StoreStartFailure("cannot write to " + where + ": " + StoreStartFailure.rootMessage(e), e);
        }
    }

    /** The URL without credentials in its query string. */
    static String redact(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
