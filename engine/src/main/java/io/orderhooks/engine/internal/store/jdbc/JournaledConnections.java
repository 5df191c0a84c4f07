package io.orderhooks.engine.internal.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetProvider;

/**
 * The physical connections of an H2 store's pool (HikariCP takes this as its {@link DataSource}), each recording its
 * write transactions in the {@link H2Journal} and committing them through it.
 *
 * <p>What is recorded: every successful {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE}, through
 * {@code executeUpdate}, {@code executeLargeUpdate}, {@code execute}, {@code executeBatch} or {@code executeQuery}
 * (a data-change delta table), prepared or plain, with its bound parameters (a parameter type the journal cannot keep
 * fails the statement) and, for an {@code INSERT} into a table with an identity column, the values it drew. Reads are
 * not recorded. A rollback drops what the transaction recorded; a rollback to a savepoint what it recorded after the
 * savepoint. A write in auto-commit mode runs as a transaction of one statement. DDL is not recorded: it runs only in
 * migrations, which run before the journal starts and which it forces into H2's file ({@link H2Journal#start}).
 *
 * <p>{@code unwrap} reaches this wrapper (a {@link Connection}) and through it H2's own connection, so the statements
 * {@link KeptStatements} keeps are prepared through the wrapper, and {@link H2Housekeeping} still finds the store.
 */
final class JournaledConnections implements DataSource {

    private static final RowSetFactory ROWSETS;

    static {
        try {
            ROWSETS = RowSetProvider.newFactory();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
        return (Connection) Proxy.newProxyInstance(JournaledConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Conn(c, journal));
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

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One physical connection and the transaction it runs. */
    static final class Conn implements InvocationHandler {
        final Connection physical;
        final H2Journal journal;
        final List<H2Journal.Recorded> pending = new ArrayList<>();
        final Map<Savepoint, Integer> savepoints = new IdentityHashMap<>();
        boolean autoCommit = true;
        int slot;
        PreparedStatement mark;
        Connection self;

        Conn(Connection physical, H2Journal journal) throws IllegalStateException {
            this.physical = physical;
            this.journal = journal;
            try {
                this.autoCommit = physical.getAutoCommit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            self = (Connection) proxy;
            switch (m.getName()) {
                case "createStatement":
                    return statement(call(physical, m, args));
                case "prepareStatement":
                    return prepare(m, args);
                case "prepareCall":
                    if (journal.enabled()) {
                        throw new SQLFeatureNotSupportedException("the journaled H2 store does not call procedures");
                    }
                    return call(physical, m, args);
                case "setAutoCommit": {
                    boolean on = (Boolean) args[0];
                    if (on && !autoCommit) {
                        commit();
                    }
                    physical.setAutoCommit(on);
                    autoCommit = on;
                    return null;
                }
                case "getAutoCommit":
                    return autoCommit;
                case "commit":
                    commit();
                    return null;
                case "rollback":
                    if (args == null || args.length == 0) {
                        physical.rollback();
                        pending.clear();
                        savepoints.clear();
                    } else {
                        Savepoint sp = (Savepoint) args[0];
                        physical.rollback(sp);
                        Integer size = savepoints.get(sp);
                        if (size != null) {
                            pending.subList(size, pending.size()).clear();
                        }
                    }
                    return null;
                case "setSavepoint": {
                    Savepoint sp = (Savepoint) call(physical, m, args);
                    savepoints.put(sp, pending.size());
                    return sp;
                }
                case "releaseSavepoint":
                    savepoints.remove((Savepoint) args[0]);
                    return call(physical, m, args);
                case "close":
                    pending.clear();
                    savepoints.clear();
                    if (slot != 0) {
                        journal.releaseSlot(slot);
                        slot = 0;
                    }
                    return call(physical, m, args);
                default:
                    return passedOn(proxy, physical, m, args);
            }
        }

        private Object prepare(Method m, Object[] args) throws Throwable {
            String sql = (String) args[0];
            if (!journal.enabled() || !writes(sql)) {
                return call(physical, m, args); // a read: nothing to record
            }
            String table = H2Journal.insertTable(sql);
            String column = table == null ? null : journal.identityOf(table);
            boolean callerKeys = args.length == 2 && (args[1] instanceof String[]
                    || args[1] instanceof int[] || (args[1] instanceof Integer k && k == Statement.RETURN_GENERATED_KEYS));
            PreparedStatement ps;
            if (column != null && (args.length == 1 || callerKeys)) {
                ps = physical.prepareStatement(sql, new String[] {column});
            } else {
                ps = (PreparedStatement) call(physical, m, args);
            }
            Stmt s = new Stmt(this, ps, sql, column == null ? null : table, column, callerKeys);
            return Proxy.newProxyInstance(JournaledConnections.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, s);
        }

        /** A plain statement (its SQL comes with each call), wrapped while the journal runs. */
        private Object statement(Object st) {
            if (!(st instanceof Statement s) || !journal.enabled()) {
                return st;
            }
            Stmt h = new Stmt(this, s, null, null, null, false);
            return Proxy.newProxyInstance(JournaledConnections.class.getClassLoader(), new Class<?>[] {Statement.class}, h);
        }

        /** Commits the transaction: through the journal when it wrote, else H2's commit alone. */
        void commit() throws SQLException {
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
        Object alone(Work w) throws Throwable {
            physical.setAutoCommit(false);
            try {
                Object r = w.run();
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
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Throwable;
    }

    /**
     * What both proxies answer alike: {@code unwrap}/{@code isWrapperFor} find the proxy itself first, then what
     * {@code physical} wraps; equality is identity; every other call goes to {@code physical}.
     */
    static Object passedOn(Object proxy, java.sql.Wrapper physical, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
            case "unwrap": {
                Class<?> iface = (Class<?>) args[0];
                return iface.isInstance(proxy) ? proxy : physical.unwrap(iface);
            }
            case "isWrapperFor": {
                Class<?> iface = (Class<?>) args[0];
                return iface.isInstance(proxy) || physical.isWrapperFor(iface);
            }
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "journaled " + physical;
            default:
                return call(physical, m, args);
        }
    }

    /** A statement of a journaled connection: its parameters as they are bound, its batch. */
    static final class Stmt implements InvocationHandler {
        final Conn conn;
        final Statement physical;
        final String sql;
        final String keyTable;
        final String keyColumn;
        final boolean callerKeys;
        H2Journal.Param[] params = new H2Journal.Param[8];
        int maxIndex;
        final List<H2Journal.Param[]> batch = new ArrayList<>();
        final List<String> plainBatch = new ArrayList<>();
        ResultSet keysForCaller;

        Stmt(Conn conn, Statement physical, String sql, String keyTable, String keyColumn, boolean callerKeys) {
            this.conn = conn;
            this.physical = physical;
            this.sql = sql;
            this.keyTable = keyTable;
            this.keyColumn = keyColumn;
            this.callerKeys = callerKeys;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (sql != null && name.startsWith("set") && m.getDeclaringClass() == PreparedStatement.class
                    && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                Object r = call(physical, m, args);
                H2Journal.Param p = H2Journal.param(name, args);
                if (index > params.length) {
                    params = Arrays.copyOf(params, Math.max(index, params.length * 2));
                }
                params[index - 1] = p;
                maxIndex = Math.max(maxIndex, index);
                return r;
            }
            switch (name) {
                case "clearParameters":
                    Arrays.fill(params, null);
                    maxIndex = 0;
                    return call(physical, m, args);
                case "addBatch":
                    if (args == null || args.length == 0) {
                        batch.add(Arrays.copyOf(params, maxIndex));
                    } else {
                        plainBatch.add((String) args[0]);
                    }
                    return call(physical, m, args);
                case "clearBatch":
                    batch.clear();
                    plainBatch.clear();
                    return call(physical, m, args);
                case "executeUpdate", "executeLargeUpdate", "execute", "executeQuery", "executeBatch",
                     "executeLargeBatch":
                    return execute(m, args);
                case "getGeneratedKeys":
                    if (keysForCaller != null) {
                        ResultSet r = keysForCaller;
                        keysForCaller = null;
                        return r;
                    }
                    return call(physical, m, args);
                case "getConnection":
                    return conn.self;
                default:
                    return passedOn(proxy, physical, m, args);
            }
        }

        private Object execute(Method m, Object[] args) throws Throwable {
            String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
            boolean batchCall = m.getName().endsWith("Batch");
            // a prepared statement is wrapped only when it writes (Conn#prepare): its SQL is not looked at again
            boolean records = conn.journal.enabled() && (sql != null
                    || (batchCall ? plainBatch.stream().anyMatch(JournaledConnections::writes) : text != null && writes(text)));
            if (!records) {
                if (batchCall) {
                    batch.clear();
                    plainBatch.clear();
                }
                Object r = call(physical, m, args);
                if (conn.journal.enabled() && text != null && definesSchema(text)) {
                    conn.journal.forceNow(); // DDL is not journaled: H2's file has it before the call returns
                }
                return r;
            }
            if (conn.autoCommit) {
                return conn.alone(() -> run(m, args, text, batchCall));
            }
            return run(m, args, text, batchCall);
        }

        private Object run(Method m, Object[] args, String text, boolean batchCall) throws Throwable {
            List<H2Journal.Param[]> sets;
            List<String> plain = List.of();
            if (batchCall) {
                sets = new ArrayList<>(batch);
                plain = new ArrayList<>(plainBatch);
                batch.clear();
                plainBatch.clear();
            } else if (args != null && args.length > 0 && args[0] instanceof String) {
                sets = List.of(); // a plain statement's SQL carries its values
            } else {
                sets = List.<H2Journal.Param[]>of(Arrays.copyOf(params, maxIndex));
            }
            // execute(sql, keys...) on a plain statement runs as asked; only a prepared INSERT records generated keys
            Object r = call(physical, m, args);
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
    }
}
