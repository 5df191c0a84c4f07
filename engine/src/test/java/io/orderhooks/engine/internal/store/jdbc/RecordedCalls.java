package io.orderhooks.engine.internal.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a store asks of its database on the recording thread, in order: each statement executed (its SQL's first
 * words, and whether the connection was in auto-commit mode then), each {@code commit} and {@code rollback}. Wraps
 * the store's {@link DataSource} ({@link JdbcStores}' {@code observe}); records only while {@link #recording} is on,
 * and only the calls of the thread that turned it on.
 */
final class RecordedCalls {

    /** A call: {@code what} is {@code commit}, {@code rollback} or the statement's SQL; {@code autoCommit} for statements. */
    record Call(String what, boolean autoCommit) {
        boolean isWrite() {
            String s = what.stripLeading().toUpperCase(java.util.Locale.ROOT);
            return s.startsWith("UPDATE") || s.startsWith("INSERT") || s.startsWith("DELETE") || s.startsWith("WITH");
        }
    }

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final List<Call> calls = new ArrayList<>();
    private volatile Thread recording;
    private volatile DataSource database;

    /** The store's own pool, unrecorded: for a test's direct look at the database. */
    DataSource database() {
        return database;
    }

    /** Starts recording the calling thread's calls, forgetting what was recorded before. */
    void start() {
        synchronized (calls) {
            calls.clear();
        }
        recording = Thread.currentThread();
    }

    /** Stops recording; returns the calls recorded since {@link #start}. */
    List<Call> stop() {
        recording = null;
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    DataSource wrap(DataSource pool) {
        database = pool;
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object r = invoke(pool, method, args);
                    return r instanceof Connection c ? connection(c) : r;
                });
    }

    private Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        record(new Call(name, false));
                    }
                    Object r = invoke(c, method, args);
                    if (r instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                        return statement(ps, PreparedStatement.class, sql, c);
                    }
                    return r;
                });
    }

    private Object statement(Statement s, Class<?> type, String sql, Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            if (EXECUTES.contains(method.getName())) {
                record(new Call(sql, c.getAutoCommit()));
            }
            return invoke(s, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
    }

    private void record(Call call) {
        if (recording == Thread.currentThread()) {
            synchronized (calls) {
                calls.add(call);
            }
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
