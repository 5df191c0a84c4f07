package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * One physical H2 connection of a journaled pool and the transaction it runs ({@link JournaledConnections} has the
 * contract). Every call goes straight to the physical connection; the journal's work is done in the methods that
 * need it: preparing a write wraps the statement, commit writes the slot's mark and appends the record, rollbacks and
 * savepoints trim what the transaction recorded, close gives the slot back.
 */
final class JournaledConnection implements Connection {
    final Connection physical;
    final H2Journal journal;
    final List<H2Journal.Recorded> pending = new ArrayList<>();
    private final Map<Savepoint, Integer> savepoints = new IdentityHashMap<>();
    boolean autoCommit;
    private int slot;
    private PreparedStatement mark;

    JournaledConnection(Connection physical, H2Journal journal) throws IllegalStateException {
        this.physical = physical;
        this.journal = journal;
        try {
            this.autoCommit = physical.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Work on the physical objects that {@link #alone} runs as a transaction of its own. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    // ---- the journal's work

    /** Commits the transaction: through the journal when it wrote, else H2's commit alone. */
    @Override
    public void commit() throws SQLException {
        if (pending.isEmpty() || !journal.enabled()) {
            physical.commit();
            pending.clear();
            savepoints.clear();
            return;
        }
        if (slot == 0) {
            slot = journal.takeSlot();
        }
        if (mark == null) {
            mark = physical.prepareStatement(H2Journal.MARK);
        }
        long seq = journal.nextSeq();
        mark.setInt(1, slot);
        mark.setLong(2, seq);
        mark.executeUpdate();
        H2Journal.JournalFile f = journal.appendCommit(seq, slot, pending);
        pending.clear();
        savepoints.clear();
        try {
            physical.commit();
        } catch (SQLException | RuntimeException e) {
            journal.appendAbort(seq, slot);
            throw e;
        } finally {
            journal.finished(f);
        }
    }

    /** A write in auto-commit mode: one statement, one transaction of the journal. */
    <T> T alone(Work<T> w) throws SQLException {
        physical.setAutoCommit(false);
        try {
            T r = w.run();
            commit();
            return r;
        } catch (Throwable e) {
            try {
                physical.rollback();
            } catch (SQLException ignored) {
                e.addSuppressed(ignored);
            }
            pending.clear();
            throw e;
        } finally {
            physical.setAutoCommit(true);
        }
    }

    @Override
    public void rollback() throws SQLException {
        physical.rollback();
        pending.clear();
        savepoints.clear();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        physical.rollback(savepoint);
        Integer size = savepoints.get(savepoint);
        if (size != null) {
            pending.subList(size, pending.size()).clear();
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        Savepoint sp = physical.setSavepoint();
        savepoints.put(sp, pending.size());
        return sp;
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        Savepoint sp = physical.setSavepoint(name);
        savepoints.put(sp, pending.size());
        return sp;
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        savepoints.remove(savepoint);
        physical.releaseSavepoint(savepoint);
    }

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        if (on && !autoCommit) {
            commit();
        }
        physical.setAutoCommit(on);
        autoCommit = on;
    }

    @Override
    public boolean getAutoCommit() {
        return autoCommit;
    }

    @Override
    public void close() throws SQLException {
        pending.clear();
        savepoints.clear();
        if (slot != 0) {
            journal.releaseSlot(slot);
            slot = 0;
        }
        physical.close();
    }

    // ---- statements: a write prepared while the journal runs, and every plain statement, are wrapped

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql, false, () -> physical.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS,
                () -> physical.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql, true, () -> physical.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql, true, () -> physical.prepareStatement(sql, columnNames));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepare(sql, false, () -> physical.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepare(sql, false,
                () -> physical.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    /**
     * {@code sql} prepared: a read as asked ({@code asAsked}, H2's own statement: nothing to record); a write wrapped,
     * and an {@code INSERT} into a table with an identity column prepared to return that column, whatever the caller
     * asked (the journal keeps the values it drew; the caller reads a copy only when it asked for generated keys,
     * {@code callerKeys}, and the other arguments of the call — result set type, holdability — mean nothing to an
     * {@code INSERT}).
     */
    private PreparedStatement prepare(String sql, boolean callerKeys, Work<PreparedStatement> asAsked)
            throws SQLException {
        if (!journal.enabled() || !JournaledConnections.writes(sql)) {
            return asAsked.run();
        }
        String table = H2Journal.insertTable(sql);
        String column = table == null ? null : journal.identityOf(table);
        PreparedStatement ps = column != null ? physical.prepareStatement(sql, new String[] {column}) : asAsked.run();
        return new JournaledPreparedStatement(this, ps, sql, column == null ? null : table, column, callerKeys);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return plain(physical.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return plain(physical.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return plain(physical.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    /** A plain statement (its SQL comes with each call), wrapped while the journal runs. */
    private Statement plain(Statement s) {
        return journal.enabled() ? new JournaledStatement(this, s, null, null, null, false) : s;
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        noProcedures();
        return physical.prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        noProcedures();
        return physical.prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        noProcedures();
        return physical.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    private void noProcedures() throws SQLFeatureNotSupportedException {
        if (journal.enabled()) {
            throw new SQLFeatureNotSupportedException("the journaled H2 store does not call procedures");
        }
    }

    // ---- this wrapper first, then what the physical connection wraps

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "journaled " + physical;
    }

    // ---- passed on as they are

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return physical.nativeSQL(sql);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return physical.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return physical.getMetaData();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        physical.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return physical.isReadOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        physical.setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return physical.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        physical.setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return physical.getTransactionIsolation();
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
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return physical.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        physical.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        physical.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return physical.getHoldability();
    }

    @Override
    public Clob createClob() throws SQLException {
        return physical.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return physical.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return physical.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return physical.createSQLXML();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return physical.isValid(timeout);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        physical.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        physical.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return physical.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return physical.getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return physical.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return physical.createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        physical.setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return physical.getSchema();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        physical.abort(executor);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        physical.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return physical.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        physical.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        physical.endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        return physical.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return physical.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        physical.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        physical.setShardingKey(shardingKey);
    }
}
