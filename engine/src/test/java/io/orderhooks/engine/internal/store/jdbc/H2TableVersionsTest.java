package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the read-mostly tables' versions live in the process that owns the data folder ({@link TableVersions.InProcess}):
 * a change of such a table is seen by the next transaction and the next group of reads, no reader is answered with a
 * value older than a write that returned (or than a commit the reader saw the rows of), a cached read costs no
 * statement at all, two stores of the process on one folder share the versions, and another process cannot open the
 * folder at all.
 */
class H2TableVersionsTest {

    private static final Table<String> PRODUCTS = Table.of("products", String.class);
    private static final Table<Long> TOKEN_VERSIONS = Table.of("usertokenversions", Long.class);

    @TempDir
    Path dir;

    /** The SQL of every statement the store prepared, in order. */
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStores.h2(dir, 8, this::recording);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCatalogChangeIsSeenByTheNextTransactionAndTheNextReadsTogether() {
        store.table(PRODUCTS).insert("P1", "v1");
        assertThat(readInTransaction("P1")).isEqualTo("v1");
        assertThat(readTogether("P1")).isEqualTo("v1");

        store.table(PRODUCTS).put("P1", "v2");
        assertThat(readInTransaction("P1")).isEqualTo("v2");
        assertThat(readTogether("P1")).isEqualTo("v2");

        store.atomically(() -> {
            store.table(PRODUCTS).put("P1", "v3");
            store.table(PRODUCTS).insert("P2", "w1");
            return null;
        });
        assertThat(readTogether("P1")).isEqualTo("v3");
        assertThat(store.atomically(() -> store.table(PRODUCTS).list())).containsExactly("v3", "w1");
        store.table(PRODUCTS).delete("P2");
        assertThat(store.atomically(() -> store.table(PRODUCTS).list())).containsExactly("v3");
    }

    @Test
    void aWriteRolledBackIsNeverSharedAndLeavesTheCachedAnswerValid() {
        store.table(PRODUCTS).insert("P1", "v1");
        assertThat(readInTransaction("P1")).isEqualTo("v1");

        assertThatThrownBy(() -> store.allOrNothing(() -> {
            store.table(PRODUCTS).put("P1", "rolled back");
            assertThat(store.table(PRODUCTS).find("P1")).contains("rolled back");
            throw new IllegalStateException("refused after the write");
        })).hasMessage("refused after the write");

        assertThat(readInTransaction("P1")).isEqualTo("v1");
        assertThat(readTogether("P1")).isEqualTo("v1");
    }

    @Test
    void aReadAtAnUnchangedVersionCostsNoStatementAndNoneReadsTheVersionsTable() {
        store.table(PRODUCTS).insert("P1", "v1");
        store.table(TOKEN_VERSIONS).insert("b1/u1", 1L);
        assertThat(readInTransaction("P1")).isEqualTo("v1");
        assertThat(readTogetherBoth()).isEqualTo("v1 1");
        statements.clear();

        assertThat(readInTransaction("P1")).isEqualTo("v1");
        assertThat(readTogetherBoth()).isEqualTo("v1 1");

        assertThat(statements).isEmpty();
        store.table(PRODUCTS).put("P1", "v2");
        assertThat(readTogetherBoth()).isEqualTo("v2 1");
        assertThat(statements).noneMatch(sql -> sql.contains("table_versions"));
    }

    @Test
    void concurrentReadersNeverSeeAnOlderValueThanAWriteThatReturnedOrACommitTheySaw() throws Exception {
        store.table(PRODUCTS).insert("P1", "0");
        store.createOrder(OrderState.of(Order.builder().id("O1").fromCompanyID("b1").fromUserID("u1")
                .toCompanyID("seller").comments("0").build()));
        AtomicLong returned = new AtomicLong();
        int writes = 300;
        int readers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(1 + readers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (long n = 1; n <= writes; n++) {
                    String value = Long.toString(n);
                    store.atomically(() -> {
                        store.table(PRODUCTS).put("P1", value);
                        return store.withOrder("O1", s -> Mutation.commit(
                                s.withOrder(s.order().toBuilder().comments(value).build()), null));
                    });
                    returned.set(n);
                }
                return null;
            });
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    List<String> stale = new ArrayList<>();
                    while (!writer.isDone()) {
                        long before = returned.get();
                        long inTransaction = Long.parseLong(readInTransaction("P1"));
                        long together = Long.parseLong(readTogether("P1"));
                        // the order row of a commit, then the product: the versions show that commit
                        long ordered = Long.parseLong(store.order("O1").orElseThrow().order().comments());
                        long after = Long.parseLong(readTogether("P1"));
                        if (inTransaction < before || together < before || after < ordered) {
                            stale.add(before + " " + inTransaction + " " + together + " " + ordered + " " + after);
                        }
                    }
                    return stale;
                }));
            }
            start.countDown();
            writer.get(2, TimeUnit.MINUTES);
            for (Future<List<String>> read : reads) {
                assertThat(read.get(1, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(readTogether("P1")).isEqualTo(Long.toString(writes));
    }

    @Test
    void twoStoresOfThisProcessOnTheSameFolderShareTheVersions() {
        store.table(PRODUCTS).insert("P1", "v1");
        try (JdbcStore other = JdbcStores.h2(dir)) {
            assertThat(other.readTogether(() -> other.table(PRODUCTS).find("P1").orElseThrow())).isEqualTo("v1");
            assertThat(readTogether("P1")).isEqualTo("v1");

            other.table(PRODUCTS).put("P1", "v2");
            assertThat(readTogether("P1")).isEqualTo("v2");
            assertThat(readInTransaction("P1")).isEqualTo("v2");
            store.table(PRODUCTS).put("P1", "v3");
            assertThat(other.atomically(() -> other.table(PRODUCTS).find("P1").orElseThrow())).isEqualTo("v3");
        }
        store.table(PRODUCTS).put("P1", "v4"); // the other store closed: this one's versions still count
        assertThat(readTogether("P1")).isEqualTo("v4");
    }

    @Test
    void anotherProcessCannotOpenTheFolderWhileThisStoreHasItOpen() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2OtherProcess.class.getName(),
                dir.toAbsolutePath().toString());
        Path out = dir.resolveSibling(dir.getFileName() + "-other-process.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = java.nio.file.Files.readString(out);
        java.nio.file.Files.delete(out);

        assertThat(output).contains("refused:").doesNotContain("opened");
        assertThat(child.exitValue()).isEqualTo(2);
    }

    private String readInTransaction(String key) {
        return store.atomically(() -> store.table(PRODUCTS).find(key).orElseThrow());
    }

    private String readTogether(String key) {
        return store.readTogether(() -> store.table(PRODUCTS).find(key).orElseThrow());
    }

    private String readTogetherBoth() {
        return store.readTogether(() -> store.table(PRODUCTS).find("P1").orElseThrow() + " "
                + store.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow());
    }

    /** {@code pool}, noting the SQL of every statement prepared on its connections. */
    private DataSource recording(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection c ? recording(c) : result;
                });
    }

    private Connection recording(Connection c) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                statements.add(sql);
            }
            return invoke(c, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
