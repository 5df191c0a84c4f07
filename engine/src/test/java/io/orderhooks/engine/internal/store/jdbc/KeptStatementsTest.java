package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeptStatements}: on H2 a locking read is prepared once per physical connection and executed again (H2 parses
 * a {@code FOR UPDATE} select on every prepare), and it still locks; on PostgreSQL every call prepares and closes.
 */
class KeptStatementsTest {

    private static final String LOCK = "SELECT v FROM t WHERE id = ? FOR UPDATE";

    @Test
    void onH2OneStatementPerConnectionIsExecutedAgainWithTheParametersOfEachCall() throws SQLException {
        KeptStatements kept = new KeptStatements(Dialect.H2);
        try (Connection c = table("kept1")) {
            PreparedStatement first = kept.run(c, LOCK, ps -> ps);
            List<String> read = new ArrayList<>();
            for (int id : new int[] {1, 2, 1}) {
                PreparedStatement used = kept.run(c, LOCK, ps -> {
                    ps.setInt(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        read.add(rs.next() ? rs.getString(1) : null);
                    }
                    return ps;
                });
                assertThat(used).isSameAs(first);
            }
            assertThat(read).containsExactly("one", "two", "one");
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void aClosedConnectionsStatementsAreDroppedWhenTheNextConnectionIsFirstSeen() throws SQLException {
        KeptStatements kept = new KeptStatements(Dialect.H2);
        PreparedStatement old;
        try (Connection c = table("kept2")) {
            old = kept.run(c, LOCK, ps -> ps);
            assertThat(kept.connections()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:kept2other")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
            }
            PreparedStatement next = kept.run(c, LOCK, ps -> ps);
            assertThat(next).isNotSameAs(old);
            assertThat(kept.connections()).isEqualTo(1);
        }
    }

    @Test
    void onPostgresqlEveryCallPreparesAndClosesItsOwnStatement() throws SQLException {
        KeptStatements fresh = new KeptStatements(Dialect.POSTGRESQL);
        try (Connection c = table("kept3")) {
            PreparedStatement first = fresh.run(c, LOCK, ps -> ps);
            PreparedStatement second = fresh.run(c, LOCK, ps -> ps);
            assertThat(second).isNotSameAs(first);
            assertThat(first.isClosed()).isTrue();
            assertThat(fresh.connections()).isZero();
        }
    }

    /**
     * Through the store on H2 (a pool of two): the order's lock, taken by the kept statement, still makes a second
     * operation on the order wait for the first one's commit, and it reads what the first one committed; again on the
     * kept statements' second use. Each operation runs inside a larger transaction ({@link JdbcStore#atomically}), where
     * {@code withOrder} always takes the lock (outside one, a cached order is written optimistically, without it:
     * {@link OptimisticOrderWritesTest}).
     */
    @Test
    void theOrdersLockTakenByAKeptStatementStillSerializesOperationsOnTheOrder(@TempDir Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (JdbcStore store = JdbcStores.h2(dir, 2)) {
            store.createOrder(OrderState.of(Order.builder().id("O1").fromCompanyID("b1").fromUserID("u1")
                    .toCompanyID("seller").comments("").build()));
            for (String round : List.of("a", "b")) {
                CountDownLatch holding = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                List<String> events = Collections.synchronizedList(new ArrayList<>());
                Future<?> first = threads.submit(() -> store.atomically(() -> store.withOrder("O1", s -> {
                    holding.countDown();
                    await(release);
                    events.add("first commits");
                    return Mutation.commit(withComments(s, s.order().comments() + round + "1"), null);
                })));
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                Future<String> second = threads.submit(() -> store.atomically(() -> store.<String>withOrder("O1", s -> {
                    events.add("second runs");
                    return Mutation.commit(withComments(s, s.order().comments() + round + "2"), s.order().comments());
                })));
                // the second operation waits for the lock: it has not run while the first holds it
                assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                release.countDown();
                first.get(10, TimeUnit.SECONDS);
                assertThat(second.get(10, TimeUnit.SECONDS)).endsWith(round + "1");
                assertThat(events).containsExactly("first commits", "second runs");
            }
            assertThat(store.order("O1").orElseThrow().order().comments()).isEqualTo("a1a2b1b2");
        } finally {
            threads.shutdownNow();
        }
    }

    private static Connection table(String name) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
        return c;
    }

    private static OrderState withComments(OrderState s, String comments) {
        return s.withOrder(s.order().toBuilder().comments(comments).build());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
