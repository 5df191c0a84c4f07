package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Document reads of the <em>read-mostly</em> tables ({@link #TABLES}: the catalog, the organizations and their
 * assignments) shared by this process's transactions, each answer valid while its table's <b>version</b> is unchanged.
 * Every transaction that writes such a table increments the table's version when it commits, so that the new version
 * and the new rows become visible together ({@link TableVersions}: on PostgreSQL a row per table in
 * {@code table_versions}, incremented in the writing transaction just before it commits, schema version 14, so that
 * every engine instance of the database sees it; on H2, whose data folder one process owns, a counter in this
 * process, incremented once the transaction committed, under a lock that a reader of the versions waits for while such
 * a commit runs — {@link TableVersions.InProcess} argues why that never keeps an old answer under a new version). A
 * transaction takes all versions at its first read of such a table (on PostgreSQL one statement, on H2 no statement),
 * and again at its first such read after it locks an order (on PostgreSQL in a statement of its own, made after the
 * lock is held: a lock waited for is released by a commit that the versions must show), and from then on answers a
 * read from this cache when the answer was loaded at the version it took; otherwise it reads the database and
 * remembers the answer at that version.
 *
 * <p>So an answer served from here is what the database answered at the moment the transaction took the versions:
 * another instance's committed write is seen by the next transaction that starts reading after it, as without the
 * cache (READ COMMITTED lets each statement see the latest commit; the versions read is that statement). A
 * transaction that wrote a table reads it from the database (its own uncommitted rows) and never fills the cache with
 * it. A lone read outside a transaction is not cached (a version check would cost the statement it saves); several
 * reads made together outside a transaction ({@link Transactions#readTogether}: the token version and the webhook list
 * every write request reads before its work) are answered as in one transaction: the versions taken once, when the
 * first of them is read; a later group of the same API request made with no store call and no call out over the
 * network in between starts with those versions ({@link Transactions#request}), never a group of another request or
 * outside one. The optimistic order write
 * that follows such a group on the same thread ({@link JdbcStore#withOrder}: a request's work after its token check)
 * starts with the versions the group read when they were read after the cached order row was remembered, so they show
 * every commit the cached order shows; it takes no lock, so no commit was waited for that they would miss, and its
 * version-guarded write proves at commit that no other operation on the order committed since. A table without a
 * version ({@code table_versions} rows are created at start) is never cached.
 *
 * <p>Answers are shared objects, as the in-memory store shares its values: callers never change them. Bounded: at
 * most {@value #MAX_ANSWERS} answers per table (all of the table's are dropped when it has that many) and lists of at
 * most {@value #MAX_LIST} rows. Thread-safe.
 */
final class SharedReads {

    /** The tables whose reads are shared: written by administration, read by every cart and checkout request. */
    static final Set<String> TABLES = Set.of("products", "priceschedules", "specs", "specoptions",
            "specproductassignments", "catalogs", "catalogassignments", "productcatalogassignments", "productassignments",
            "variants", "buyers", "suppliers", "usergroups", "usergroupassignments", "addresses", "addressassignments",
            "costcenters", "costcenterassignments", "categories", "categoryassignments", "categoryproductassignments",
            "securityprofiles", "securityprofileassignments", "integrationevents", "approvalrules", "sellerapprovalrules",
            // what requests read together before their work (Store#readTogether): the caller's token version, an
            // anonymous shopper's revocation, the webhooks to fire, the API client whose checkout endpoint is called
            "usertokenversions", "revokedanonymoustokens", "webhooks", "apiclients",
            // the message senders, their assignments and CC listeners every submit's notification reads
            "messagesenders", "messagesenderassignments", "messagecclisteners");

    /** Answers kept per table (a table's answers are all dropped when it has this many). */
    static final int MAX_ANSWERS = 4096;
    static final int MAX_LIST = 256;

    private record Answer(long version, Object value) {}

    /**
     * Answers by table, then by read: bounded per table, so that one user's token version per caller never pushes the
     * catalog's answers out.
     */
    private final Map<String, Map<String, Answer>> answers = new ConcurrentHashMap<>();

    /** Where the tables' versions are kept: in the database (PostgreSQL) or in this process (H2). */
    private final TableVersions versions;

    SharedReads(TableVersions versions) {
        this.versions = versions;
    }

    /**
     * The answer to {@code read} of {@code table} in the transaction of {@code reads} on {@code c}: from the cache when
     * loaded at the version this transaction sees, else {@code load}'s (remembered at that version).
     */
    @SuppressWarnings("unchecked")
    <V> V read(Connection c, TransactionReads reads, String table, String read, Supplier<V> load) throws SQLException {
        Long version = version(c, reads, table);
        if (version == null) {
            return load.get();
        }
        Map<String, Answer> ofTable = answers.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        Answer known = ofTable.get(read);
        if (known != null && known.version() == version) {
            return (V) known.value();
        }
        V loaded = load.get();
        remember(ofTable, read, version, loaded);
        return loaded;
    }

    /**
     * The answer to {@code read} of {@code table} that {@link #read} would give from the cache without a statement: when
     * the transaction (or group) of {@code reads} holds the table versions already (read or assumed; on H2 taken here,
     * as {@link #read} takes them) and the answer was loaded at the version it sees; else null, and the caller reads as
     * usual. Needs no connection, so a group's read the
     * cache answers borrows none from the pool (a request's token check and webhook list: two of each request's pool
     * checkouts).
     */
    @SuppressWarnings("unchecked")
    <V> V cached(TransactionReads reads, String table, String read) {
        Long version;
        try {
            version = version(null, reads, table);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
        Map<String, Answer> ofTable = version == null ? null : answers.get(table);
        Answer answer = ofTable == null ? null : ofTable.get(read);
        return answer != null && answer.version() == version ? (V) answer.value() : null;
    }

    /**
     * The rows of {@code table} under {@code keys} in the transaction of {@code reads} (null: none) on {@code c}, each as a
     * {@link JdbcRepository#find} of its key answers ({@code readOf(key)} names that read: a list of the one row, or
     * empty): every key whose answer was loaded at the version this transaction sees is answered from the cache, and
     * {@code load} reads the rest at once (the rows it finds by key; a key it does not return has none), remembered at
     * that version.
     */
    @SuppressWarnings("unchecked")
    <V> Map<String, List<V>> readAll(Connection c, TransactionReads reads, String table, List<String> keys,
            Function<String, String> readOf, SqlFunction<List<String>, Map<String, V>> load) throws SQLException {
        Long version = version(c, reads, table);
        Map<String, Answer> ofTable = version == null ? null : answers.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        Map<String, List<V>> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Answer known = ofTable == null ? null : ofTable.get(readOf.apply(key));
            if (known != null && known.version() == version) {
                out.put(key, (List<V>) known.value());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, V> loaded = load.apply(missing);
            for (String key : missing) {
                V row = loaded.get(key);
                List<V> answer = row == null ? List.of() : List.of(row);
                out.put(key, answer);
                if (ofTable != null) {
                    remember(ofTable, readOf.apply(key), version, answer);
                }
            }
        }
        return out;
    }

    /** A read of function type that may fail as JDBC does. */
    @FunctionalInterface
    interface SqlFunction<A, R> {
        R apply(A a) throws SQLException;
    }

    /**
     * The version of {@code table} the transaction of {@code reads} sees when its reads may be shared (a read-mostly
     * table it has not written, with a version), else null (also outside a transaction); a version taken under the
     * request's assumed versions marks the table used. {@code c} null: only versions known without a statement (held
     * already, or H2's in-process ones), else null.
     */
    private Long version(Connection c, TransactionReads reads, String table) throws SQLException {
        if (reads == null || !TABLES.contains(table) || reads.wrote(table)
                || c == null && reads.versions() == null && !versions.inProcess()) {
            return null;
        }
        Long version = versions(c, reads).get(table);
        Transactions.Assumed assumed = reads.assumed();
        if (version != null && assumed != null) {
            assumed.used(table); // proven before the request's first act (Transactions#request)
        }
        return version;
    }

    /** Keeps {@code loaded} as the answer to {@code read} at {@code version} (within the bounds). */
    private static void remember(Map<String, Answer> ofTable, String read, long version, Object loaded) {
        if (!(loaded instanceof List<?> list) || list.size() <= MAX_LIST) {
            if (ofTable.size() >= MAX_ANSWERS) {
                ofTable.clear();
            }
            ofTable.put(read, new Answer(version, loaded));
        }
    }

    /** The versions of the shared tables, read once per transaction (and again after it locks an order). */
    private Map<String, Long> versions(Connection c, TransactionReads reads) throws SQLException {
        Map<String, Long> known = reads.versions();
        if (known != null) {
            return known;
        }
        long tick = Transactions.tick();
        Map<String, Long> read = versions.read(c);
        reads.versions(read, tick);
        return read;
    }
}
