package io.orderhooks.engine.internal.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical connections of an H2 store's pool (HikariCP takes this as its {@link DataSource}), each recording its
 * write transactions in the {@link H2Journal} and committing them through it.
 *
 * <p>What is recorded: every successful {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE}, through
 * {@code executeUpdate}, {@code executeLargeUpdate}, {@code execute}, {@code executeBatch} or {@code executeQuery}
 * (a data-change delta table), prepared or plain, with its bound parameters (a parameter type the journal cannot keep
 * is refused by its setter, which binds nothing) and, for a prepared {@code INSERT} into a table with an identity
 * column, the values it drew, whether or not the caller asked for generated keys. Reads are
 * not recorded. A rollback drops what the transaction recorded; a rollback to a savepoint what it recorded after the
 * savepoint. A write in auto-commit mode runs as a transaction of one statement. DDL is not recorded: it runs only in
 * migrations, which run before the journal starts and which it forces into H2's file ({@link H2Journal#start}).
 *
 * <p>{@code unwrap} reaches this wrapper (a {@link Connection}) and through it H2's own connection, so the statements
 * {@link KeptStatements} keeps are prepared through the wrapper, and {@link H2Housekeeping} still finds the store.
 *
 * <p>The wrappers are ordinary classes that pass every call straight on ({@link JournaledConnection},
 * {@link JournaledStatement}, {@link JournaledPreparedStatement}; no proxies, no reflection): a prepared statement is
 * wrapped only when its SQL writes, decided once at prepare; a plain statement is wrapped while the journal runs and
 * its SQL is looked at per call.
 */
final class JournaledConnections implements DataSource {

    private final DataSource physical;
    private final H2Journal journal;

    JournaledConnections(DataSource physical, H2Journal journal) {
        this.physical = physical;
        this.journal = journal;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(physical.getConnection(), journal);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(physical.getConnection(username, password), journal);
    }

    /** {@code c} journaled by {@code journal}. */
    static Connection wrap(Connection c, H2Journal journal) {
        return new JournaledConnection(c, journal);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return physical.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || physical.isWrapperFor(iface);
    }

    /** Whether {@code sql} changes rows (the statements the journal records). */
    static boolean writes(String sql) {
        String word = firstWord(sql);
        return word.equals("INSERT") || word.equals("UPDATE") || word.equals("DELETE") || word.equals("MERGE");
    }

    /** Whether {@code sql} is DDL (which H2 commits by itself and the journal does not record). */
    static boolean definesSchema(String sql) {
        String word = firstWord(sql);
        return word.equals("CREATE") || word.equals("ALTER") || word.equals("DROP") || word.equals("TRUNCATE");
    }

    /** The statement's keyword: its first word, upper case (the rest of the text is not copied). */
    private static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(i, end).toUpperCase(Locale.ROOT);
    }
}
