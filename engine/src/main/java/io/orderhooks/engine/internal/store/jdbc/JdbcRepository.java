package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One {@link Table} as rows of the generic {@code documents} table ({@code tbl} = the table's name): the value as
 * a JSON document, the key, an insertion number for listing order and the table's lookup in an indexed column.
 * Every call joins the thread's transaction if there is one (see {@link Transactions}). Reads inside a transaction are
 * answered by {@link TransactionReads} and, for the read-mostly tables, {@link SharedReads} when they can be.
 */
final class JdbcRepository<T> implements Repository<T> {

    /** Every read's statement starts so ({@link #query(Connection, String, String...)}). */
    private static final String SELECT_DOC = "SELECT doc";
    private static final String SELECT = SELECT_DOC + " FROM documents WHERE tbl = ?";
    /** A row's insert, before its values: {@code VALUES (...)}, or a {@code SELECT} when deferred (DeferredWrites). */
    private static final String INSERT_ROW = "INSERT INTO documents (tbl, doc_key, lookup, unique_lookup, doc)";
    static final int KEYS_PER_STATEMENT = 100;

    private final Table<T> table;
    private final Transactions tx;
    private final SharedReads shared;
    private final String what;
    private final KeptStatements statements;

    /** PostgreSQL (inserts inside a transaction need no savepoint, {@link #insert}); false on H2. */
    private final boolean postgres;

    JdbcRepository(Table<T> table, Transactions tx, SharedReads shared, KeptStatements statements, Dialect dialect) {
        this.postgres = dialect == Dialect.POSTGRESQL;
        this.table = table;
        this.tx = tx;
        this.shared = shared;
        this.statements = statements;
        this.what = table.type().getSimpleName();
    }

    @Override
    public Optional<T> find(String key) {
        List<T> found = query(SELECT + " AND doc_key = ?", key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * One {@code IN} statement per {@value #KEYS_PER_STATEMENT} keys, for the keys whose answer is not known: inside a
     * transaction (or a group of reads) each key's answer is what a {@link #find} of it gets, so a key the transaction
     * already read, or whose row {@link SharedReads} holds at the version the transaction sees (a read-mostly table), is
     * answered without a statement, and the answers loaded are kept as those of {@link #find}. Outside a transaction a
     * read-mostly table's keys are read as a group of their own ({@link Transactions#readTogether}): the versions are
     * checked once (on H2 in this process; on PostgreSQL one statement, in place of the {@code IN} statement when every
     * key's row is cached), and no document cached at its version is parsed again.
     */
    @Override
    public java.util.Map<String, T> findAll(java.util.Collection<String> keys) {
        List<String> wanted = keys.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (tx.reads() == null && !wanted.isEmpty() && SharedReads.TABLES.contains(table.name())) {
            return tx.readTogether(() -> findAll(wanted, tx.reads()));
        }
        return findAll(wanted, tx.reads());
    }

    /** {@link #findAll(java.util.Collection)} of distinct keys, in the transaction or group of {@code reads} (or none). */
    private java.util.Map<String, T> findAll(List<String> wanted, TransactionReads reads) {
        java.util.Map<String, List<T>> answers = new java.util.HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String key : wanted) {
            List<T> known = reads == null ? null : reads.peek(table.name(), keyRead(key));
            if (known != null) {
                answers.put(key, known);
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            answers.putAll(tx.read(c -> shared.readAll(c, reads, table.name(), unknown, this::keyRead, missing -> keyed(c, missing))));
            if (reads != null) {
                for (String key : unknown) {
                    reads.put(table.name(), keyRead(key), answers.get(key));
                }
            }
        }
        java.util.Map<String, T> found = new java.util.LinkedHashMap<>();
        for (String key : wanted) {
            List<T> answer = answers.get(key);
            if (!answer.isEmpty()) {
                found.put(key, answer.get(0));
            }
        }
        return found;
    }

    /** What {@link #find} of {@code key} reads (the name its answer is cached under). */
    private String keyRead(String key) {
        return SELECT + " AND doc_key = ?" + '\u0000' + key;
    }

    /** The rows under {@code keys} by key, read by one {@code IN} statement per {@value #KEYS_PER_STATEMENT} keys. */
    private java.util.Map<String, T> keyed(Connection c, List<String> keys) throws SQLException {
        java.util.Map<String, T> rows = new java.util.HashMap<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            rows.putAll(keyedAtOnce(c, keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT))));
        }
        return rows;
    }

    private java.util.Map<String, T> keyedAtOnce(Connection c, List<String> keys) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        boolean proving = tx.proofDue(); // the statement carries the proof of the request's assumed versions
        long tick = proving ? Transactions.tick() : 0;
        String proof = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT doc_key, doc" + (proving ? ", " + TableVersions.COLUMN : "")
                + " FROM documents WHERE tbl = ? AND doc_key IN (" + in + ")")) {
            ps.setString(1, table.name());
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 2, keys.get(i));
            }
            java.util.Map<String, T> out = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), StoreJson.read(rs.getString(2), table.type()));
                    if (proving) {
                        proof = rs.getString(3);
                    }
                }
            }
            if (proving) {
                tx.provenBy(proof, tick);
            }
            return out;
        }
    }

    @Override
    public List<T> list() {
        return query(SELECT + " ORDER BY seq");
    }

    @Override
    public List<T> listWithPrefix(String keyPrefix) {
        if (keyPrefix.isEmpty()) {
            return list();
        }
        return query(SELECT + " AND doc_key LIKE ? ESCAPE '!' ORDER BY seq", likePrefix(keyPrefix));
    }

    @Override
    public List<T> findByLookup(String lookup) {
        if (table.lookup() == null || lookup == null) {
            return List.of();
        }
        return query(SELECT + " AND lookup = ? ORDER BY seq", lookup);
    }

    @Override
    public void insert(String key, T value) {
        if (postgres && tx.mayDefer(table.name(), key)) {
            // an optimistic order write before its lock: the insert becomes part of the order's statement (DeferredWrites)
            String lookup = table.lookupOf(value);
            String doc = StoreJson.write(value);
            tx.defer().add(table.name(), key, "%s AS (" + INSERT_ROW + " SELECT ?, ?, ?, ?, ? FROM u)",
                    java.util.Arrays.asList(table.name(), key, lookup, table.uniqueLookup() ? lookup : null, doc),
                    c -> insertRow(c, key, lookup, doc, true));
            tx.reads().forget(table.name());
            return;
        }
        if (postgres && tx.active()) {
            // inside a transaction: a taken key or unique lookup inserts nothing instead of failing the statement, so the
            // transaction stays usable without a savepoint (SAVEPOINT and RELEASE are a round trip each on PostgreSQL)
            tx.inTransaction(c -> {
                forgetReads(c);
                if (!insertRow(c, key, value, true)) {
                    throw taken(c, key, value);
                }
                return null;
            });
            return;
        }
        tx.guarded(c -> {
            forgetReads(c);
            return insertRow(c, key, value);
        }, e -> !StoreFailures.isUniqueViolation(e) ? StoreFailures.unavailable(e)
                : StoreFailures.isUniqueLookupViolation(e) ? lookupTaken(value) : StoreFailures.idExists(what, key));
    }

    @Override
    public void put(String key, T value) {
        tx.inTransaction(c -> {
            forgetReads(c);
            if (updateGuarded(c, key, value) == 0) {
                try {
                    tx.guarded(x -> insertRow(x, key, value), e -> !StoreFailures.isUniqueViolation(e)
                            ? StoreFailures.unavailable(e)
                            : StoreFailures.isUniqueLookupViolation(e) ? lookupTaken(value) : new ConcurrentInsert());
                } catch (ConcurrentInsert raced) {
                    updateGuarded(c, key, value);
                }
            }
            return null;
        });
    }

    @Override
    public T update(String key, UnaryOperator<T> change) {
        return tx.inTransaction(c -> {
            forgetReads(c);
            List<T> locked = statements.run(c, SELECT + " AND doc_key = ? FOR UPDATE", ps -> query(ps, key));
            if (locked.isEmpty()) {
                throw OrderCloudException.notFound(what, key);
            }
            T next = change.apply(locked.get(0));
            if (java.util.Objects.equals(table.lookupOf(locked.get(0)), table.lookupOf(next))) {
                updateRow(c, key, next);
            } else {
                updateGuarded(c, key, next);
            }
            return next;
        });
    }

    /**
     * {@link #updateRow}; for a table with a unique lookup behind a savepoint, so that a lookup another key holds is the
     * table's {@link Table#lookupTaken} error with nothing changed (and the thread's transaction still usable).
     */
    private int updateGuarded(Connection c, String key, T value) throws SQLException {
        if (!table.uniqueLookup()) {
            return updateRow(c, key, value);
        }
        return tx.guarded(x -> updateRow(x, key, value), e -> StoreFailures.isUniqueViolation(e)
                ? lookupTaken(value) : StoreFailures.unavailable(e));
    }

    private OrderCloudException lookupTaken(T value) {
        return table.lookupTaken().apply(table.lookupOf(value));
    }

    @Override
    public boolean delete(String key) {
        return tx.inTransaction(c -> {
            forgetReads(c);
            return deleteRow(c, key);
        });
    }

    @Override
    public void discard(String key) {
        if (postgres && tx.mayDefer(table.name(), key)) {
            // part of the order's statement (DeferredWrites); made alone, it keeps nothing to refuse
            tx.defer().add(table.name(), key, "%s AS (DELETE FROM documents d USING u WHERE d.tbl = ? AND d.doc_key = ?)",
                    List.of(table.name(), key), c -> {
                        deleteRow(c, key);
                        return true;
                    });
            tx.reads().forget(table.name());
            return;
        }
        delete(key);
    }

    private boolean deleteRow(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM documents WHERE tbl = ? AND doc_key = ?")) {
            ps.setString(1, table.name());
            ps.setString(2, key);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * What a PostgreSQL insert that inserted nothing ({@code ON CONFLICT DO NOTHING}) ran into: the key, or (in a table
     * with a unique lookup) the lookup, held by another row; one read, only on that refusal.
     */
    private OrderCloudException taken(Connection c, String key, T value) throws SQLException {
        if (table.uniqueLookup()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM documents WHERE tbl = ? AND doc_key = ?")) {
                ps.setString(1, table.name());
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return lookupTaken(value);
                    }
                }
            }
        }
        return StoreFailures.idExists(what, key);
    }

    private Boolean insertRow(Connection c, String key, T value) throws SQLException {
        return insertRow(c, key, value, false);
    }

    /**
     * Inserts the row; {@code ifAbsent} (PostgreSQL): {@code ON CONFLICT DO NOTHING}, false when a unique key or lookup
     * another row holds kept it out.
     */
    private Boolean insertRow(Connection c, String key, T value, boolean ifAbsent) throws SQLException {
        return insertRow(c, key, table.lookupOf(value), StoreJson.write(value), ifAbsent);
    }

    /** {@link #insertRow(Connection, String, Object, boolean)} of a value already written as {@code doc}. */
    private boolean insertRow(Connection c, String key, String lookup, String doc, boolean ifAbsent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ROW + " VALUES (?, ?, ?, ?, ?)"
                + (ifAbsent ? " ON CONFLICT DO NOTHING" : ""))) {
            ps.setString(1, table.name());
            ps.setString(2, key);
            ps.setString(3, lookup);
            ps.setString(4, table.uniqueLookup() ? lookup : null);
            ps.setString(5, doc);
            return ps.executeUpdate() > 0;
        }
    }

    private int updateRow(Connection c, String key, T value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE documents SET lookup = ?, unique_lookup = ?, doc = ? WHERE tbl = ? AND doc_key = ?")) {
            String lookup = table.lookupOf(value);
            ps.setString(1, lookup);
            ps.setString(2, table.uniqueLookup() ? lookup : null);
            ps.setString(3, StoreJson.write(value));
            ps.setString(4, table.name());
            ps.setString(5, key);
            return ps.executeUpdate();
        }
    }

    /**
     * A read; inside a transaction (or a group of reads, {@link Transactions#readTogether}) answered from its
     * {@link TransactionReads} when it made the same read since it last wrote this table, else from {@link SharedReads}
     * when the table is read-mostly and unchanged since the answer was loaded (a read naming a null key is always
     * made). The versions and the read itself use one connection (outside a transaction, one auto-commit connection
     * for both: a thread never holds two).
     */
    private List<T> query(String sql, String... params) {
        TransactionReads reads = tx.reads();
        if (reads == null || java.util.Arrays.asList(params).contains(null)) {
            return tx.read(c -> query(c, sql, params));
        }
        String read = sql + '\u0000' + String.join("\u0000", params);
        List<T> cached = reads.peek(table.name(), read);
        if (cached == null) {
            cached = shared.cached(reads, table.name(), read); // no connection borrowed for it
            if (cached != null) {
                reads.put(table.name(), read, cached);
            }
        }
        if (cached != null) {
            return cached;
        }
        return reads.get(table.name(), read, () -> tx.read(c -> shared.read(c, reads, table.name(), read, () -> {
            try {
                return query(c, sql, params);
            } catch (SQLException e) {
                throw StoreFailures.unavailable(e);
            }
        })));
    }

    /**
     * This transaction is about to write the table on {@code c}: its cached reads of the table go (and an optimistic
     * order write locks its order first, {@link Transactions#beforeWrite}).
     */
    private void forgetReads(Connection c) throws SQLException {
        tx.beforeWrite(c);
        TransactionReads reads = tx.reads();
        if (reads != null) {
            reads.forget(table.name());
        }
    }

    /**
     * The documents {@code sql} selects on {@code c}; while the thread's request owes the proof of its assumed versions
     * ({@link Transactions#proofDue}, PostgreSQL) the statement also reads the versions and carries that proof.
     */
    private List<T> query(Connection c, String sql, String... params) throws SQLException {
        if (tx.proofDue()) {
            long tick = Transactions.tick();
            String[] proof = new String[1];
            List<T> out;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT doc, " + TableVersions.COLUMN + sql.substring(SELECT_DOC.length()))) {
                out = query(ps, proof, params);
            }
            tx.provenBy(proof[0], tick);
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return query(ps, params);
        }
    }

    /** The documents {@code ps} selects, the table's name bound first, then {@code params}. */
    private List<T> query(PreparedStatement ps, String... params) throws SQLException {
        return query(ps, null, params);
    }

    /**
     * As {@link #query(PreparedStatement, String...)}; with {@code proof} not null, the statement's second column is
     * {@link TableVersions#COLUMN} and {@code proof[0]} gets what it held (null when no row came back).
     */
    private List<T> query(PreparedStatement ps, String[] proof, String... params) throws SQLException {
        ps.setString(1, table.name());
        for (int i = 0; i < params.length; i++) {
            ps.setString(i + 2, params[i]);
        }
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(StoreJson.read(rs.getString(1), table.type()));
                if (proof != null) {
                    proof[0] = rs.getString(2);
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@code prefix%} with LIKE's wildcards in the prefix escaped by {@code !}. */
    static String likePrefix(String prefix) {
        return SqlTerms.likeEscape(prefix) + "%";
    }

    /** Another transaction inserted the key between our update and insert: update instead. */
    private static final class ConcurrentInsert extends RuntimeException {
        ConcurrentInsert() {
            super(null, null, false, false);
        }
    }
}
