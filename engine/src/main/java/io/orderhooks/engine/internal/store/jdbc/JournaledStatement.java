package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetProvider;

/**
 * A statement of a {@link JournaledConnection}: a plain one (its SQL comes with each call), or the base of a
 * {@link JournaledPreparedStatement}. Every call goes straight to the physical statement; the {@code execute*}
 * methods record what a write did in the connection's transaction ({@link JournaledConnections} has the contract).
 */
class JournaledStatement implements Statement {

    private static final RowSetFactory ROWSETS;

    static {
        try {
            ROWSETS = RowSetProvider.newFactory();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final JournaledConnection conn;
    private final Statement physical;
    /** The prepared statement's SQL (classified once, at prepare: it writes), or null for a plain statement. */
    final String sql;
    private final String keyTable;
    private final String keyColumn;
    private final boolean callerKeys;
    H2Journal.Param[] params;
    int maxIndex;
    final List<H2Journal.Param[]> batch = new ArrayList<>();
    private final List<String> plainBatch = new ArrayList<>();
    private ResultSet keysForCaller;

    JournaledStatement(JournaledConnection conn, Statement physical, String sql, String keyTable, String keyColumn,
            boolean callerKeys) {
        this.conn = conn;
        this.physical = physical;
        this.sql = sql;
        this.keyTable = keyTable;
        this.keyColumn = keyColumn;
        this.callerKeys = callerKeys;
        this.params = new H2Journal.Param[sql == null ? 0 : 8];
    }

    // ---- the journal's work

    /**
     * Runs {@code call}, an execution of {@code given} (the SQL passed with the call, null when there is none) or of
     * the prepared SQL, a batch when {@code batchCall}; a write is recorded, as a transaction of its own in
     * auto-commit mode; DDL is forced into H2's file before it returns.
     */
    final <T> T execute(String given, boolean batchCall, JournaledConnection.Work<T> call) throws SQLException {
        String text = given != null ? given : sql;
        // a prepared statement is wrapped only when it writes (JournaledConnection#prepareStatement): its SQL is not
        // looked at again
        boolean records = conn.journal.enabled() && (sql != null
                || (batchCall ? plainBatch.stream().anyMatch(JournaledConnections::writes)
                        : text != null && JournaledConnections.writes(text)));
        if (!records) {
            if (batchCall) {
                batch.clear();
                plainBatch.clear();
            }
            T r = call.run();
            if (conn.journal.enabled() && text != null && JournaledConnections.definesSchema(text)) {
                conn.journal.forceNow(); // DDL is not journaled: H2's file has it before the call returns
            }
            return r;
        }
        if (conn.autoCommit) {
            return conn.alone(() -> run(given, text, batchCall, call));
        }
        return run(given, text, batchCall, call);
    }

    private <T> T run(String given, String text, boolean batchCall, JournaledConnection.Work<T> call)
            throws SQLException {
        List<H2Journal.Param[]> sets;
        List<String> plain = List.of();
        if (batchCall) {
            sets = new ArrayList<>(batch);
            plain = new ArrayList<>(plainBatch);
            batch.clear();
            plainBatch.clear();
        } else if (given != null) {
            sets = List.of(); // a plain statement's SQL carries its values
        } else {
            sets = List.<H2Journal.Param[]>of(Arrays.copyOf(params, maxIndex));
        }
        // execute(sql, keys...) on a plain statement runs as asked; only a prepared INSERT records generated keys
        T r = call.run();
        long[] keys = null;
        if (keyColumn != null) {
            try (ResultSet rs = physical.getGeneratedKeys()) {
                if (callerKeys) {
                    CachedRowSet copy = ROWSETS.createCachedRowSet();
                    copy.populate(rs);
                    keys = longs(copy);
                    copy.beforeFirst();
                    keysForCaller = copy;
                } else {
                    keys = longs(rs);
                }
            }
        }
        if (!plain.isEmpty()) {
            for (String s : plain) {
                conn.pending.add(new H2Journal.Recorded(s, List.of(), null, null, null));
            }
        } else {
            conn.pending.add(new H2Journal.Recorded(text, sets, keyTable, keyColumn, keys));
        }
        return r;
    }

    private static long[] longs(ResultSet rs) throws SQLException {
        List<Long> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getLong(1));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return execute(sql, false, () -> physical.executeQuery(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return execute(sql, false, () -> physical.executeUpdate(sql));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql, false, () -> physical.executeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql, false, () -> physical.executeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return execute(sql, false, () -> physical.executeUpdate(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return execute(sql, false, () -> physical.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql, false, () -> physical.executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql, false, () -> physical.executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return execute(sql, false, () -> physical.executeLargeUpdate(sql, columnNames));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return execute(sql, false, () -> physical.execute(sql));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql, false, () -> physical.execute(sql, autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql, false, () -> physical.execute(sql, columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql, false, () -> physical.execute(sql, columnNames));
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return execute(null, true, physical::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return execute(null, true, physical::executeLargeBatch);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        plainBatch.add(sql);
        physical.addBatch(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        batch.clear();
        plainBatch.clear();
        physical.clearBatch();
    }

    /** The keys an {@code INSERT} prepared for them drew (a copy; the journal read the originals), else H2's. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        if (keysForCaller != null) {
            ResultSet r = keysForCaller;
            keysForCaller = null;
            return r;
        }
        return physical.getGeneratedKeys();
    }

    @Override
    public Connection getConnection() {
        return conn;
    }

    // ---- this wrapper first, then what the physical statement wraps

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : physical.unwrap(iface);
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }

    @Override
    public final String toString() {
        return "journaled " + physical;
    }

    // ---- passed on as they are

    @Override
    public void close() throws SQLException {
        physical.close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return physical.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        physical.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return physical.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        physical.setMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return physical.getLargeMaxRows();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        physical.setLargeMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        physical.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return physical.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        physical.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        physical.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return physical.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        physical.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        physical.setCursorName(name);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return physical.getResultSet();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return physical.getUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return physical.getLargeUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return physical.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return physical.getMoreResults(current);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        physical.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return physical.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        physical.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return physical.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return physical.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return physical.getResultSetType();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return physical.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return physical.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        physical.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return physical.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        physical.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return physical.isCloseOnCompletion();
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return physical.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return physical.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return physical.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return physical.enquoteNCharLiteral(val);
    }
}
