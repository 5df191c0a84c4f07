package io.orderhooks.engine.internal.store.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The document reads one transaction already made, so that the same read repeated within it (a product, a buyer, a
 * catalog assignment list looked up again by each check of one request) costs one statement. Belongs to one
 * transaction on one thread ({@link Transactions}); not thread-safe.
 *
 * <p>What a cached answer may be: what the database answered earlier in this transaction, while nothing of this
 * transaction has written the table since. Under READ COMMITTED a repeated statement may see another transaction's
 * newer commit, so the cached answer is the same as the read having been made a moment earlier. Where that moment
 * matters, the cache is emptied: when the transaction locks an order (reads after the lock are made after it), when
 * this transaction writes a table through {@link JdbcRepository} (that table's answers go), and when a savepoint is
 * rolled back (answers may show writes that were undone). Locking reads ({@code FOR UPDATE}) are never cached.
 *
 * <p>Also what {@link SharedReads} needs of the transaction: the table versions it read (forgotten with every answer)
 * and the tables it wrote (kept to its end, a savepoint rollback included: their versions are incremented at commit).
 */
final class TransactionReads {

    private final Map<String, Map<String, Object>> byTable = new HashMap<>();
    private final java.util.Set<String> written = new java.util.HashSet<>();
    private Map<String, Long> versions;
    private long versionsTick;
    private int writes;
    /** The request's assumed versions these reads run on ({@link #assume}), or null when they were read. */
    private Transactions.Assumed assumed;

    /** The cached answer to {@code read} of {@code table}, or {@code load}'s answer, remembered. */
    @SuppressWarnings("unchecked")
    <V> V get(String table, String read, Supplier<V> load) {
        Map<String, Object> answers = byTable.computeIfAbsent(table, t -> new HashMap<>());
        Object cached = answers.get(read);
        if (cached != null) {
            return (V) cached;
        }
        V loaded = load.get();
        byTable.computeIfAbsent(table, t -> new HashMap<>()).put(read, loaded);
        return loaded;
    }

    /** The cached answer to {@code read} of {@code table}, or null. */
    @SuppressWarnings("unchecked")
    <V> V peek(String table, String read) {
        Map<String, Object> answers = byTable.get(table);
        return answers == null ? null : (V) answers.get(read);
    }

    /** Remembers {@code answer} (not null) to {@code read} of {@code table}. */
    void put(String table, String read, Object answer) {
        byTable.computeIfAbsent(table, t -> new HashMap<>()).put(read, answer);
    }

    /** Forgets every answer about {@code table}: this transaction writes it. */
    void forget(String table) {
        byTable.remove(table);
        written.add(table);
        writes++;
    }

    /** How many table writes this transaction made so far (each {@link #forget}). */
    int writes() {
        return writes;
    }

    /** Forgets every answer and the versions read (an order is locked, or a savepoint rolled back). */
    void forgetAll() {
        byTable.clear();
        versions = null;
        assumed = null;
    }

    /**
     * Runs on the versions the request assumed ({@link Transactions#request}): their tick is 0, older than any order
     * the cache remembers, so nothing takes them for versions read; {@link SharedReads} reports each shared table it
     * answers under them to {@code a}.
     */
    void assume(Transactions.Assumed a) {
        versions = a.versions();
        versionsTick = 0;
        assumed = a;
    }

    /** The request's assumed versions these reads run on, or null. */
    Transactions.Assumed assumed() {
        return assumed;
    }

    /**
     * The assumed versions were proven (or the request used no shared table under them): no longer reported; the
     * versions go too, to be read at the next shared read unless the proof's are given ({@link #versions(Map, long)}).
     */
    void forgetAssumed() {
        assumed = null;
        versions = null;
    }

    /** Whether this transaction wrote {@code table}. */
    boolean wrote(String table) {
        return written.contains(table);
    }

    /** The tables this transaction wrote. */
    java.util.Set<String> written() {
        return written;
    }

    /** The table versions this transaction read ({@link SharedReads}), or null when it has not read them since its last lock. */
    Map<String, Long> versions() {
        return versions;
    }

    /**
     * The versions read; {@code tick} ({@link Transactions#tick}) was taken before the statement that read them ran, so
     * they show every commit made before that tick.
     */
    void versions(Map<String, Long> read, long tick) {
        versions = read;
        versionsTick = tick;
    }

    /** The tick taken before {@link #versions()} were read ({@link #versions(Map, long)}). */
    long versionsTick() {
        return versionsTick;
    }
}
