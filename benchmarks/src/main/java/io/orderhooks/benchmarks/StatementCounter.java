package io.orderhooks.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what a JDBC store asks of its database, for {@link StatementCount}: connection checkouts, statements
 * executed (by verb and by SQL text; a batch is one statement), transactions (a commit, or a statement run in
 * auto-commit), rollbacks and savepoints. {@link #wrap} decorates the store's {@link DataSource} through JDK
 * proxies; {@link #snapshot} reads the counters so far. Also the time each call waits on the database, in
 * microseconds, measured around it on the calling thread ({@code us:statements}, {@code us:commits},
 * {@code us:sql:<text>}): for H2 the embedded database's own work, for PostgreSQL the round trip (server time and
 * loopback); and the calling thread's CPU time in them ({@code cpu:statements}, {@code cpu:commits}, microseconds):
 * what the database work costs the engine's JVM whatever the machine's load (for H2 all of it, for PostgreSQL the
 * driver's side). Thread-safe.
 */
final class StatementCounter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    /** The counting proxies of physical connections, by identity ({@link #counted}). */
    private final Map<Connection, Connection> unwrapped = new java.util.IdentityHashMap<>();

    /** {@code pool} with every connection, statement and commit counted. */
    DataSource wrap(DataSource pool) {
        return proxy(DataSource.class, pool, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    /** Every counter so far, by name ({@code sql:<text>} for statements by text). */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private void add(String name) {
        counts.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    private void addN(String name, long n) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    private void addMicros(String name, long sinceNanos) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add((System.nanoTime() - sinceNanos) / 1_000);
    }

    private static long threadCpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private void addCpuMicros(String name, long sinceCpuNanos) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add((threadCpu() - sinceCpuNanos) / 1_000);
    }

    private Connection connection(Connection c) {
        add("connections");
        return counted(c);
    }

    /**
     * {@code c} with its statements counted. {@code unwrap} to a connection (the pool's physical connection, on which
     * the H2 store keeps its locking reads prepared) gives the same counting proxy every time for one physical
     * connection, so that what is executed beneath the pool is counted too and keeps its identity.
     */
    private Connection counted(Connection c) {
        return proxy(Connection.class, c, (target, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                Connection physical = (Connection) invoke(target, method, args);
                synchronized (unwrapped) {
                    return unwrapped.computeIfAbsent(physical, this::counted);
                }
            }
            long start = System.nanoTime();
            long cpu = threadCpu();
            Object result = invoke(target, method, args);
            if (method.getName().equals("commit")) {
                addMicros("us:commits", start);
                addCpuMicros("cpu:commits", cpu);
            }
            switch (method.getName()) {
                case "prepareStatement" -> {
                    return statement(c, PreparedStatement.class, (PreparedStatement) result, (String) args[0]);
                }
                case "createStatement" -> {
                    return statement(c, Statement.class, (Statement) result, null);
                }
                case "commit" -> add("commits");
                case "rollback" -> add(args == null ? "rollbacks" : "savepointRollbacks");
                case "setSavepoint" -> add("savepoints");
                default -> { }
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Connection c, Class<S> type, S s, String preparedSql) {
        String[] table = {null};
        return proxy(type, s, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("setString") && (Integer) args[0] == 1 && preparedSql != null && preparedSql.contains("tbl = ?")) {
                table[0] = (String) args[1];
            }
            if (name.startsWith("execute")) {
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "?";
                String text = executed(c, table[0] == null ? sql : "[" + table[0] + "] " + sql, name.contains("Batch"));
                long start = System.nanoTime();
                long cpu = threadCpu();
                try {
                    return invoke(target, method, args);
                } finally {
                    addCpuMicros("cpu:statements", cpu);
                    addMicros("us:statements", start);
                    addMicros("us:" + text, start);
                }
            } else if (name.equals("addBatch")) {
                add("batchRows");
            } else if (name.equals("setString") && args[1] instanceof String value) {
                addN("charsBound", value.length());
            }
            return invoke(target, method, args);
        });
    }

    /** Counts one execution; returns its {@code sql:} counter name. */
    private String executed(Connection c, String sql, boolean batch) {
        add("statements");
        add("verb:" + sql.replaceFirst("^\\[[^]]*] ", "").stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
        String text = "sql:" + (batch ? "[batch] " : "") + sql;
        add(text);
        try {
            if (c.getAutoCommit()) {
                add("autoCommitStatements");
            }
        } catch (java.sql.SQLException e) {
            add("autoCommitUnknown");
        }
        return text;
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
