package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.StampedLock;
import javax.sql.DataSource;

/**
 * Where the versions of the read-mostly tables ({@link SharedReads#TABLES}) are kept, and how a transaction that
 * wrote such a table commits ({@link Transactions}): the seam between the two databases' ways of telling
 * {@link SharedReads} that a table changed.
 *
 * <ul>
 *   <li>{@link InDatabase} (PostgreSQL: several engine instances share the database): a row per table in
 *       {@code table_versions}, incremented by the writing transaction itself just before it commits and read with
 *       one statement per transaction.
 *   <li>{@link InProcess} (H2: one process owns a data folder, see {@link InProcess}): a counter per table in this
 *       process's memory, incremented once the writing transaction committed; reading them costs no statement.
 * </ul>
 */
abstract sealed class TableVersions permits TableVersions.InDatabase, TableVersions.InProcess {

    /**
     * The versions of every shared table (an immutable map, or one nobody changes), as the transaction on {@code c}
     * may use them: what a read made after this call returns is at least as new as these versions.
     */
    abstract Map<String, Long> read(Connection c) throws SQLException;

    /** Whether {@link #read} costs no statement and needs no connection (H2's versions, kept in the process). */
    boolean inProcess() {
        return false;
    }

    /**
     * PostgreSQL: a column any statement may add to its select list so that it also reads every table's version, in the
     * same snapshot as its rows ({@code tbl=version} pairs, comma-separated; {@link #parsed}). What a read that must also
     * prove a request's assumed versions carries ({@link Transactions#proofDue}), instead of a statement of its own.
     */
    static final String COLUMN = "(SELECT string_agg(tbl || '=' || version, ',') FROM table_versions)";

    /**
     * The versions {@link #COLUMN} gave, learned as {@link #read} learns the versions it reads; an immutable map.
     */
    Map<String, Long> parsed(String column) {
        Parsed last = lastParsed;
        if (last != null && last.column().equals(column)) {
            return last.versions(); // learned when first parsed (learning versions again changes nothing: they only grow)
        }
        Map<String, Long> read = new HashMap<>();
        for (String pair : column.split(",")) {
            int eq = pair.lastIndexOf('=');
            read.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        learned(read);
        Map<String, Long> versions = Map.copyOf(read);
        lastParsed = new Parsed(column, versions);
        return versions;
    }

    /** A {@link #COLUMN} value and what {@link #parsed} made of it. */
    private record Parsed(String column, Map<String, Long> versions) {}

    /**
     * The column parsed last: the versions seldom change, so most statements that read them give the same column again
     * (33 pairs parsed per order statement that carried them, otherwise).
     */
    private volatile Parsed lastParsed;

    /** What {@link #read} learns from the versions it read, for those {@link #parsed} gives (nothing on H2). */
    void learned(Map<String, Long> read) {
    }

    /** Commits the transaction on {@code c}, which wrote the tables {@code written}, and makes the versions show it. */
    abstract void commit(Connection c, Set<String> written) throws SQLException;

    /**
     * The versions a request may start on without reading them ({@link Transactions#request}), proving them before its
     * first externally visible act; null when reading them costs nothing (H2) or none was read yet. Never newer than
     * the database's: every version in it was read from (or written by) the database, and versions only grow.
     */
    abstract Map<String, Long> lastKnown();

    /** The store closed (after its pool). */
    void close() {
    }

    /** The shared tables among {@code written}, sorted (rows are always updated in one order). */
    static Set<String> shared(Set<String> written) {
        if (written.isEmpty()) {
            return Set.of();
        }
        Set<String> shared = new TreeSet<>(written);
        shared.retainAll(SharedReads.TABLES);
        return shared;
    }

    /**
     * The {@code table_versions} rows: a transaction that wrote shared tables increments their rows in the same
     * transaction just before it commits (schema version 14), so the new versions and the new rows become visible
     * together, on every engine instance of the database.
     */
    static final class InDatabase extends TableVersions {

        /**
         * The highest version of each table this process read or wrote (an immutable map, replaced whole), or null
         * before the first read ({@link #lastKnown}).
         */
        private volatile Map<String, Long> known;

        /** Gives every shared table its row (at start; a row another instance inserted at the same time is fine). */
        InDatabase(DataSource db) {
            try (Connection c = db.getConnection()) {
                Set<String> present = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT tbl FROM table_versions");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
                for (String table : new TreeSet<>(SharedReads.TABLES)) {
                    if (!present.contains(table)) {
                        insertRow(c, table);
                    }
                }
            } catch (SQLException e) {
                throw new StoreStartFailure("cannot prepare the table versions: " + StoreStartFailure.rootMessage(e), e);
            }
        }

        @Override
        Map<String, Long> read(Connection c) throws SQLException {
            Map<String, Long> read = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tbl, version FROM table_versions");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.put(rs.getString(1), rs.getLong(2));
                }
            }
            learn(read);
            return read;
        }

        @Override
        Map<String, Long> lastKnown() {
            return known;
        }

        @Override
        void learned(Map<String, Long> read) {
            learn(read);
        }

        /** Merges {@code seen} into {@link #known}, keeping each table's higher version. */
        private synchronized void learn(Map<String, Long> seen) {
            Map<String, Long> before = known;
            if (before == null) {
                known = Map.copyOf(seen);
                return;
            }
            Map<String, Long> merged = null;
            for (Map.Entry<String, Long> e : seen.entrySet()) {
                Long had = before.get(e.getKey());
                if (had == null || had < e.getValue()) {
                    if (merged == null) {
                        merged = new HashMap<>(before);
                    }
                    merged.put(e.getKey(), e.getValue());
                }
            }
            if (merged != null) {
                known = Map.copyOf(merged);
            }
        }

        @Override
        void commit(Connection c, Set<String> written) throws SQLException {
            Set<String> shared = shared(written);
            if (!shared.isEmpty()) {
                String in = String.join(", ", Collections.nCopies(shared.size(), "?"));
                Map<String, Long> now = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE table_versions SET version = version + 1 WHERE tbl IN (" + in + ") RETURNING tbl, version")) {
                    int i = 1;
                    for (String t : shared) {
                        ps.setString(i++, t);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            now.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                c.commit();
                learn(now); // this process's next requests assume its own change (no failed proof for it)
                return;
            }
            c.commit();
        }

        private static void insertRow(Connection c, String table) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO table_versions (tbl, version) VALUES (?, 0)")) {
                ps.setString(1, table);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!StoreFailures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * The versions in this process's memory, for a database only this process writes: an H2 data folder. H2 locks the
     * database file while it is open (the URL sets neither {@code AUTO_SERVER} nor {@code FILE_LOCK=NO}), so another
     * process cannot open it (H2TableVersionsTest starts one and sees it refused). Within this process, stores opened
     * on the same folder share H2's one open database, and so share one instance of these versions ({@link #of}, kept
     * while one of them is open): a commit through either is counted for both. Every version starts at 0 when the
     * first store opens, when no {@link SharedReads} holds an answer.
     *
     * <p><b>Commit, then increment.</b> A transaction that wrote shared tables commits, and then, before it returns,
     * increments their versions; commit and increment run under the write lock of {@link #lock}, and {@link #read}
     * takes the versions under its read side (optimistically: no lock operation when no such commit runs). Why
     * {@link SharedReads} never keeps an old answer under a new version: an answer is remembered at the version read
     * <em>before</em> the statement that loaded it. If that version already counts a commit, the commit happened before
     * the statement, which (READ COMMITTED) sees it: the answer is that commit's state or newer. If it does not count
     * a commit running at the same moment, the answer may be older or newer, but it is remembered under the version
     * before that commit's increment, which no reader uses once the increment is made. Why the versions always show a
     * commit that a thread saw: a thread that saw a commit's rows (an order row the {@link OrderCache} remembers, a
     * table read) saw them after the commit started, so after its writer took the write lock; its next read of the
     * versions waits for that lock, so it comes after the increment. This is what the table versions in the database
     * gave (the rows and their versions visible together), without a statement per transaction. The increment is made
     * even when the commit throws (the transaction may or may not be committed): a version too many only costs
     * {@link SharedReads} its answers of that table.
     */
    static final class InProcess extends TableVersions {

        /** The H2 databases (their file paths, without {@code .mv.db}) stores of this process have open, and their versions. */
        private static final Map<String, InProcess> OPEN = new HashMap<>();

        private final String database;
        private final StampedLock lock = new StampedLock();
        private volatile Map<String, Long> current;
        /** How many open stores use these versions (guarded by {@link #OPEN}). */
        private int stores;

        private InProcess(String database) {
            this.database = database;
            Map<String, Long> start = new HashMap<>();
            for (String table : SharedReads.TABLES) {
                start.put(table, 0L);
            }
            this.current = Map.copyOf(start);
        }

        /**
         * The versions of the H2 database {@code database} (its file path) for one more store of this process: the
         * ones the stores already open on it use, else new ones. {@link #close} when the store closes.
         */
        static InProcess of(String database) {
            synchronized (OPEN) {
                InProcess versions = OPEN.computeIfAbsent(database, InProcess::new);
                versions.stores++;
                return versions;
            }
        }

        @Override
        boolean inProcess() {
            return true;
        }

        @Override
        Map<String, Long> read(Connection c) {
            long stamp = lock.tryOptimisticRead();
            Map<String, Long> seen = current;
            if (lock.validate(stamp)) {
                return seen;
            }
            stamp = lock.readLock();
            try {
                return current;
            } finally {
                lock.unlockRead(stamp);
            }
        }

        @Override
        void commit(Connection c, Set<String> written) throws SQLException {
            Set<String> shared = shared(written);
            if (shared.isEmpty()) {
                c.commit();
                return;
            }
            long stamp = lock.writeLock();
            try {
                c.commit();
            } finally {
                Map<String, Long> next = new HashMap<>(current);
                for (String table : shared) {
                    next.merge(table, 1L, Long::sum);
                }
                current = Map.copyOf(next);
                lock.unlockWrite(stamp);
            }
        }

        /** Never assumed: reading them costs no statement. */
        @Override
        Map<String, Long> lastKnown() {
            return null;
        }

        @Override
        void close() {
            synchronized (OPEN) {
                if (--stores == 0) {
                    OPEN.remove(database);
                }
            }
        }
    }
}
