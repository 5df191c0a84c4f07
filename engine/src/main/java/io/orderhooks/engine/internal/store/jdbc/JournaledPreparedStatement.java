package io.orderhooks.engine.internal.store.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;

/**
 * A prepared write of a {@link JournaledConnection}: each parameter is bound on the physical statement first, then
 * kept for the journal ({@link H2Journal#bind} replays it). A setter the journal cannot keep fails with
 * {@link java.sql.SQLFeatureNotSupportedException} ({@link H2Journal#cannotRecord}) and binds nothing, so H2 and the
 * journal hold the same value for every parameter even when a caller ignores the failure: the statement cannot run
 * with a value recovery could not repeat.
 */
final class JournaledPreparedStatement extends JournaledStatement implements PreparedStatement {
    private final PreparedStatement physical;

    JournaledPreparedStatement(JournaledConnection conn, PreparedStatement physical, String sql, String keyTable,
            String keyColumn, boolean callerKeys) {
        super(conn, physical, sql, keyTable, keyColumn, callerKeys);
        this.physical = physical;
    }

    private void keep(int index, H2Journal.Param p) {
        if (index > params.length) {
            params = Arrays.copyOf(params, Math.max(index, params.length * 2));
        }
        params[index - 1] = p;
        maxIndex = Math.max(maxIndex, index);
    }

    // ---- executions and batches of the prepared SQL

    @Override
    public ResultSet executeQuery() throws SQLException {
        return execute(null, false, physical::executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return execute(null, false, physical::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return execute(null, false, physical::executeLargeUpdate);
    }

    @Override
    public boolean execute() throws SQLException {
        return execute(null, false, physical::execute);
    }

    @Override
    public void addBatch() throws SQLException {
        batch.add(Arrays.copyOf(params, maxIndex));
        physical.addBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        Arrays.fill(params, null);
        maxIndex = 0;
        physical.clearParameters();
    }

    // ---- parameters the journal keeps

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        physical.setString(parameterIndex, x);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_STRING, x, 0));
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        physical.setLong(parameterIndex, x);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_LONG, x, 0));
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        physical.setInt(parameterIndex, x);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_INT, x, 0));
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        physical.setBoolean(parameterIndex, x);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_BOOLEAN, x, 0));
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        physical.setBigDecimal(parameterIndex, x);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_DECIMAL, x, 0));
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        physical.setNull(parameterIndex, sqlType);
        keep(parameterIndex, new H2Journal.Param(H2Journal.P_NULL, null, sqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        H2Journal.Param p = H2Journal.objectParam(x); // a type it cannot keep fails here, before H2 binds it
        physical.setObject(parameterIndex, x);
        keep(parameterIndex, p);
    }

    // ---- parameters it cannot keep: refused, not bound

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        throw H2Journal.cannotRecord("setNull", sqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        throw H2Journal.cannotRecord("setObject", x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        throw H2Journal.cannotRecord("setObject", x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        throw H2Journal.cannotRecord("setObject", x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        throw H2Journal.cannotRecord("setObject", x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        throw H2Journal.cannotRecord("setByte", x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        throw H2Journal.cannotRecord("setShort", x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        throw H2Journal.cannotRecord("setFloat", x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        throw H2Journal.cannotRecord("setDouble", x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        throw H2Journal.cannotRecord("setBytes", x);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        throw H2Journal.cannotRecord("setDate", x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        throw H2Journal.cannotRecord("setDate", x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        throw H2Journal.cannotRecord("setTime", x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        throw H2Journal.cannotRecord("setTime", x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        throw H2Journal.cannotRecord("setTimestamp", x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        throw H2Journal.cannotRecord("setTimestamp", x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw H2Journal.cannotRecord("setAsciiStream", x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw H2Journal.cannotRecord("setAsciiStream", x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw H2Journal.cannotRecord("setAsciiStream", x);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw H2Journal.cannotRecord("setUnicodeStream", x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw H2Journal.cannotRecord("setBinaryStream", x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw H2Journal.cannotRecord("setBinaryStream", x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw H2Journal.cannotRecord("setBinaryStream", x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        throw H2Journal.cannotRecord("setCharacterStream", reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        throw H2Journal.cannotRecord("setCharacterStream", reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        throw H2Journal.cannotRecord("setCharacterStream", reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        throw H2Journal.cannotRecord("setNCharacterStream", value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        throw H2Journal.cannotRecord("setNCharacterStream", value);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw H2Journal.cannotRecord("setRef", x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw H2Journal.cannotRecord("setBlob", x);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw H2Journal.cannotRecord("setBlob", inputStream);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw H2Journal.cannotRecord("setBlob", inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        throw H2Journal.cannotRecord("setClob", x);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw H2Journal.cannotRecord("setClob", reader);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw H2Journal.cannotRecord("setClob", reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw H2Journal.cannotRecord("setNClob", value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw H2Journal.cannotRecord("setNClob", reader);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw H2Journal.cannotRecord("setNClob", reader);
    }

    @Override
    public void setArray(int parameterIndex, java.sql.Array x) throws SQLException {
        throw H2Journal.cannotRecord("setArray", x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        throw H2Journal.cannotRecord("setURL", x);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw H2Journal.cannotRecord("setRowId", x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        throw H2Journal.cannotRecord("setNString", value);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw H2Journal.cannotRecord("setSQLXML", xmlObject);
    }

    // ---- passed on as they are

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return physical.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return physical.getParameterMetaData();
    }
}
