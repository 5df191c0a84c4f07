package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JdbcStore#withOrder}'s optimistic path (a cached order written without its row lock, guarded by its version)
 * on two engine instances' stores sharing one database (H2: two stores of one process on one data folder; PostgreSQL:
 * one embedded server): no update is lost, an answer or a refusal is never computed from a state another writer had
 * replaced, and a failing work leaves nothing behind. Conflicts are made deterministic with latches inside the work
 * (never timing) and proven by the store's outcome counters.
 */
class OptimisticOrderWritesTest {

    private static final Table<String> THINGS = Table.of("things", String.class);
    private static final Table<String> PRODUCTS = Table.of("products", String.class);
    private static final Table<Long> TOKEN_VERSIONS = Table.of("usertokenversions", Long.class);
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path data;
    private JdbcStore a;
    private JdbcStore b;
    /** What store {@code a} asks of the database on the recording thread. */
    private final RecordedCalls calls = new RecordedCalls();

    private void open(String db) {
        if (db.equals("h2")) {
            a = JdbcStores.h2(data, 8, calls::wrap);
            b = JdbcStores.h2(data, 8);
        } else {
            String url = TestPostgres.freshDatabase();
            a = JdbcStores.postgresql(url, "postgres", "postgres", 8, calls::wrap);
            b = JdbcStores.postgresql(url, "postgres", "postgres", 8);
        }
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lineAddsFromManyThreadsOnTwoInstancesLoseNoLineAndKeepTheTotal(String db) throws Exception {
        open(db);
        a.createOrder(order("O1"));
        b.order("O1"); // both instances have it cached: their writes start optimistic
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JdbcStore store = t % 2 == 0 ? a : b;
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = "L" + thread + "-" + i;
                        store.withOrder("O1", s -> Mutation.commit(addLine(s, id, new BigDecimal("1.25")), null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (JdbcStore store : List.of(a, b)) {
            OrderState s = store.<OrderState>withOrder("O1", Mutation::unchanged);
            assertThat(s.lineItems()).hasSize(threads * perThread);
            assertThat(s.lineItems().stream().map(LineItem::id).distinct()).hasSize(threads * perThread);
            assertThat(s.order().total()).isEqualByComparingTo(new BigDecimal("1.25").multiply(BigDecimal.valueOf(threads * perThread)));
        }
        long[] outcomesA = a.optimisticOutcomes();
        long[] outcomesB = b.optimisticOutcomes();
        assertThat(outcomesA[0] + outcomesB[0]).isPositive(); // the optimistic path committed writes
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteThatCommittedWhileAnOptimisticWorkRanMakesItRunAgainUnderTheLock(String db) throws Exception {
        open(db);
        a.createOrder(order("O1"));
        b.order("O1");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> slow = pool.submit(() -> a.<String>withOrder("O1", s -> {
                runs.incrementAndGet();
                entered.countDown();
                await(otherCommitted);
                return Mutation.commit(addLine(s, "slow", BigDecimal.ONE), s.lineItems().size() + " lines before");
            }));
            await(entered);
            b.withOrder("O1", s -> Mutation.commit(addLine(s, "fast", BigDecimal.TEN), null));
            otherCommitted.countDown();

            assertThat(slow.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("1 lines before");
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs.get()).isEqualTo(2);
        assertThat(a.optimisticOutcomes()[1]).isEqualTo(1); // one conflict, run again under the lock
        OrderState s = b.order("O1").orElseThrow();
        assertThat(s.lineItems()).extracting(LineItem::id).containsExactly("fast", "slow");
        assertThat(s.order().total()).isEqualByComparingTo("11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStaleCacheOnOneInstanceStillGivesTheCurrentAnswer(String db) {
        open(db);
        a.createOrder(order("O1"));
        a.withOrder("O1", s -> Mutation.commit(addLine(s, "L1", BigDecimal.ONE), null));

        b.withOrder("O1", s -> Mutation.commit(addLine(s, "L2", BigDecimal.ONE), null));

        long conflicts = a.optimisticOutcomes()[1];
        assertThat(a.<Integer>withOrder("O1", s -> Mutation.unchanged(s.lineItems().size()))).isEqualTo(2);
        assertThat(a.optimisticOutcomes()[1]).isEqualTo(conflicts + 1);
        a.withOrder("O1", s -> Mutation.commit(addLine(s, "L3", BigDecimal.ONE), null));
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2", "L3");
        assertThat(b.order("O1").orElseThrow().order().total()).isEqualByComparingTo("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRefusalComputedFromAStaleCacheIsNotReturnedAndAStaleAcceptanceIsRefused(String db) {
        open(db);
        a.createOrder(order("O1"));
        a.withOrder("O1", s -> Mutation.commit(addLine(s, "L1", BigDecimal.ONE), null));
        b.withOrder("O1", s -> Mutation.commit(withoutLine(s, "L1"), null));

        // a's cache still has L1: the work refuses there, then runs on the current order, which has no L1
        a.withOrder("O1", s -> Mutation.commit(addNewLine(s, "L1", new BigDecimal("5")), null));
        assertThat(b.order("O1").orElseThrow().order().total()).isEqualByComparingTo("5");

        b.withOrder("O1", s -> Mutation.commit(addNewLine(s, "L2", BigDecimal.ONE), null));
        // a's cache has no L2: the work accepts there, the write finds the order changed, and the current order refuses
        assertThatThrownBy(() -> a.withOrder("O1", s -> Mutation.commit(addNewLine(s, "L2", BigDecimal.TEN), null)))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.status()).isEqualTo(409));
        OrderState s = b.order("O1").orElseThrow();
        assertThat(s.lineItems()).extracting(LineItem::id).containsExactly("L1", "L2");
        assertThat(s.order().total()).isEqualByComparingTo("6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWorkThatThrowsAfterTableWritesLeavesNothingBehindOnEitherPath(String db) {
        open(db);
        a.createOrder(order("O1"));
        OrderCloudException refused = new OrderCloudException(400, "Test.Refused", "refused after the writes");
        AtomicInteger runs = new AtomicInteger();

        for (JdbcStore store : List.of(a, b)) { // a has the order cached (optimistic first), b has not (locked)
            runs.set(0);
            assertThatThrownBy(() -> store.withOrder("O1", s -> {
                runs.incrementAndGet();
                store.table(THINGS).insert("k", "written");
                store.table(PRODUCTS).put("P1", "written");
                throw refused;
            })).isSameAs(refused);
            assertThat(runs.get()).isEqualTo(store == a ? 2 : 1);
        }

        assertThat(a.table(THINGS).find("k")).isEmpty();
        assertThat(b.table(PRODUCTS).find("P1")).isEmpty();
        assertThat(a.atomically(() -> a.table(PRODUCTS).find("P1"))).isEmpty();
        assertThat(b.order("O1").orElseThrow()).isEqualTo(a.order("O1").orElseThrow());
        assertThat(b.order("O1").orElseThrow().lineItems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anOperationThatWroteATableButNotTheOrderStillMarksTheOrderChanged(String db) {
        open(db);
        a.createOrder(order("O1"));
        b.order("O1");

        a.withOrder("O1", s -> {
            a.table(THINGS).insert("hold", "taken for O1");
            return Mutation.unchanged(null);
        });

        // b's cached version is older now: what b's work reads of that table is read again under the lock
        long conflicts = b.optimisticOutcomes()[1];
        assertThat(b.<String>withOrder("O1", s -> Mutation.unchanged(b.table(THINGS).find("hold").orElse("none"))))
                .isEqualTo("taken for O1");
        assertThat(b.optimisticOutcomes()[1]).isEqualTo(conflicts + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aProductOrTokenChangedOnTheOtherInstanceIsSeenByTheNextRequest(String db) {
        open(db);
        a.createOrder(order("O1"));
        a.table(PRODUCTS).insert("P1", "price 1");
        a.table(TOKEN_VERSIONS).insert("b1/u1", 1L);

        assertThat(request(a, "L1")).isEqualTo("token 1, price 1");
        b.table(PRODUCTS).put("P1", "price 2");
        assertThat(request(a, "L2")).isEqualTo("token 1, price 2");
        b.table(TOKEN_VERSIONS).put("b1/u1", 2L);
        b.table(PRODUCTS).put("P1", "price 3");
        assertThat(request(a, "L3")).isEqualTo("token 2, price 3");
        assertThat(a.optimisticOutcomes()[0]).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void versionsReadBeforeTheCachedOrderWasWrittenAreNotReusedForIt(String db) throws Exception {
        open(db);
        a.createOrder(order("O1"));
        a.table(PRODUCTS).insert("P1", "price 1");
        assertThat(request(a, "L1")).isEqualTo("token none, price 1");

        // this thread reads the versions (a request's token check); then another thread of the same instance changes
        // the product and the order in one transaction; then this thread's request changes the order
        String token = a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1").map(String::valueOf).orElse("none"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> a.atomically(() -> {
                a.table(PRODUCTS).put("P1", "price 2");
                return a.withOrder("O1", s -> Mutation.commit(addLine(s, "other", BigDecimal.ONE), null));
            })).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        String price = a.withOrder("O1", s -> Mutation.commit(addLine(s, "L2", BigDecimal.ONE),
                a.table(PRODUCTS).find("P1").orElseThrow()));

        assertThat(token + ", " + price).isEqualTo("none, price 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLineAddOfACachedOrderIsOneAutoCommittedStatementOnPostgresAndOneTransactionOnH2(String db) {
        open(db);
        a.createOrder(order("O1"));

        calls.start();
        a.withOrder("O1", s -> Mutation.commit(addLine(s, "L1", BigDecimal.ONE), null));
        List<RecordedCalls.Call> made = calls.stop();

        if (db.equals("postgresql")) {
            // the guarded UPDATE with the line's INSERT in a WITH clause, committed by itself: one round trip, no COMMIT
            assertThat(made).hasSize(1);
            assertThat(made.get(0).what()).startsWith("WITH u AS (UPDATE orders");
            assertThat(made.get(0).autoCommit()).isTrue();
        } else {
            // H2 writes the line in a statement of its own after the update matched: both in one transaction
            assertThat(made).extracting(RecordedCalls.Call::what).last().isEqualTo("commit");
            assertThat(made).filteredOn(RecordedCalls.Call::isWrite).hasSize(2).noneMatch(RecordedCalls.Call::autoCommit);
        }
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1");
        assertThat(a.optimisticOutcomes()[0]).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDecisionThatChangesNothingChecksTheVersionWithoutATransactionOnPostgres(String db) {
        open(db);
        a.createOrder(order("O1"));

        calls.start();
        int lines = a.<Integer>withOrder("O1", s -> Mutation.unchanged(s.lineItems().size()));
        List<RecordedCalls.Call> made = calls.stop();

        assertThat(lines).isZero();
        assertThat(made.get(0).what()).isEqualTo("SELECT 1 FROM orders WHERE id = ? AND seq = ? AND version = ?");
        if (db.equals("postgresql")) {
            assertThat(made).hasSize(1); // in auto-commit mode: no transaction to commit
            assertThat(made.get(0).autoCommit()).isTrue();
        } else {
            assertThat(made).extracting(RecordedCalls.Call::what).containsExactly(made.get(0).what(), "commit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anOptimisticWorkOfSeveralWritesCommitsThemInOneTransaction(String db) throws Exception {
        open(db);
        a.createOrder(order("O1"));

        // a table written, then the order's status changed (its row and its counts): every write after the lock, in
        // one transaction, one commit
        calls.start();
        a.withOrder("O1", s -> {
            a.table(THINGS).put("hold", "taken for O1"); // (an insert alone would be part of the order's statement)
            return Mutation.commit(withStatus(addLine(s, "L1", BigDecimal.ONE), OrderStatus.Open), null);
        });
        List<RecordedCalls.Call> several = calls.stop();
        // only the order's status (its row and its counts): on PostgreSQL one statement (the counts a WITH clause of the
        // row's update) committed by itself, on H2 two statements in one transaction
        calls.start();
        a.withOrder("O1", s -> Mutation.commit(withStatus(s, OrderStatus.Completed), null));
        List<RecordedCalls.Call> counted = calls.stop();

        assertThat(several).filteredOn(RecordedCalls.Call::isWrite).hasSizeGreaterThanOrEqualTo(2)
                .noneMatch(RecordedCalls.Call::autoCommit);
        assertThat(several).filteredOn(call -> call.what().equals("commit")).hasSize(1);
        assertThat(several).extracting(RecordedCalls.Call::what).last().isEqualTo("commit");
        if (db.equals("postgresql")) {
            assertThat(counted).singleElement().satisfies(call -> {
                assertThat(call.what()).startsWith("WITH u AS (UPDATE orders").contains("INSERT INTO order_counts");
                assertThat(call.autoCommit()).isTrue();
            });
        } else {
            assertThat(counted).filteredOn(RecordedCalls.Call::isWrite).hasSize(2).noneMatch(RecordedCalls.Call::autoCommit);
            assertThat(counted).extracting(RecordedCalls.Call::what).last().isEqualTo("commit");
        }
        // the counts moved with the status: one order of b1's in Completed, none left in Open or without a status
        assertThat(count("F", "b1", "Completed")).isEqualTo(1);
        assertThat(count("F", "b1", "Open")).isZero();
        assertThat(count("F", "b1", "")).isZero();
        assertThat(count("T", "seller", "Completed")).isEqualTo(1);
        if (db.equals("postgresql")) { // (H2 keeps the lock statement prepared: KeptStatements, not recorded here)
            assertThat(several).filteredOn(call -> call.what().endsWith("FOR UPDATE"))
                    .singleElement().satisfies(call -> assertThat(call.autoCommit()).isFalse());
        }
        assertThat(a.optimisticOutcomes()[0]).isEqualTo(2);
        assertThat(b.table(THINGS).find("hold")).contains("taken for O1");
        assertThat(b.order("O1").orElseThrow().order().status()).isEqualTo(OrderStatus.Completed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theGroupsOfReadsOfOneRequestReadTheVersionsOnceAndANewRequestReadsThemAnew(String db) {
        open(db);
        // H2 keeps the versions in the process (TableVersions.InProcess): no statement reads them there
        int once = db.equals("h2") ? 0 : 1;
        a.table(PRODUCTS).insert("P1", "price 1");
        a.table(TOKEN_VERSIONS).insert("b1/u1", 1L);

        // one request: the token check's group, then the handler's (a checkout endpoint's, an order create's)
        calls.start();
        String first = a.oneRequest(() -> a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow())
                + ", " + a.readTogether(() -> a.table(PRODUCTS).find("P1").orElseThrow()));
        assertThat(versionReads(calls.stop())).isEqualTo(once);
        assertThat(first).isEqualTo("1, price 1");

        // the other instance changes both and answers; a request that starts after that sees both changes: on
        // PostgreSQL it ran on the versions A last knew, its answer's proof found them changed, and it ran again on
        // fresh reads (the proof's statement and the re-run's)
        b.table(TOKEN_VERSIONS).put("b1/u1", 2L);
        b.table(PRODUCTS).put("P1", "price 2");
        calls.start();
        String second = a.oneRequest(() -> a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow())
                + ", " + a.readTogether(() -> a.table(PRODUCTS).find("P1").orElseThrow()));
        assertThat(versionReads(calls.stop())).isEqualTo(2 * once);
        assertThat(second).isEqualTo("2, price 2");
        assertThat(a.requestReruns()).isEqualTo(once);

        // not continued: outside a request, after a call out over the network (which proves the request's versions
        // first, on PostgreSQL); within a request before its first act, a store call in between does not end them
        calls.start();
        a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1"));
        a.readTogether(() -> a.table(PRODUCTS).find("P1"));
        a.oneRequest(() -> {
            a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1"));
            a.order("none");
            a.readTogether(() -> a.table(PRODUCTS).find("P1"));
            a.callingOut();
            return a.readTogether(() -> a.table(PRODUCTS).find("P1"));
        });
        assertThat(versionReads(calls.stop())).isEqualTo(4 * once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLineAddRequestOnTheVersionsItLastKnewIsOneStatementAndRunsAgainWholeWhenTheyChanged(String db) {
        boolean pg = openWithProductTokenAndOrder(db);
        assertThat(a.oneRequest(() -> request(a, "L1"))).isEqualTo("token 1, price 1");

        // nothing changed: the token check and the product are answered under the versions the process last knew, and
        // the order's guarded statement carries their check (PostgreSQL: one round trip for the whole request)
        calls.start();
        assertThat(a.oneRequest(() -> request(a, "L2"))).isEqualTo("token 1, price 1");
        List<RecordedCalls.Call> made = calls.stop();
        if (pg) {
            assertThat(made).singleElement().satisfies(call -> {
                assertThat(call.what()).startsWith("WITH u AS (UPDATE orders").contains("table_versions");
                assertThat(call.autoCommit()).isTrue();
            });
        }

        // the other instance changes the product: the statement's check fails, nothing of it is written, and the request
        // runs again from the start on fresh reads (one line, at the new price)
        b.table(PRODUCTS).put("P1", "price 2");
        long reruns = a.requestReruns();
        calls.start();
        assertThat(a.oneRequest(() -> request(a, "L3"))).isEqualTo("token 1, price 2");
        List<RecordedCalls.Call> rerun = calls.stop();
        assertThat(a.requestReruns() - reruns).isEqualTo(pg ? 1 : 0);
        if (pg) {
            // versions read by: the proof before the locked run (after the guarded statement that wrote nothing; it
            // found the change), the re-run's token check, its locked run (the cache forgot the order: read under lock)
            assertThat(versionReads(rerun)).isEqualTo(3);
        }
        // and revokes the token: the next request sees it before it writes
        b.table(TOKEN_VERSIONS).put("b1/u1", 2L);
        assertThat(a.oneRequest(() -> request(a, "L4"))).isEqualTo("token 2, price 2");
        assertThat(a.requestReruns() - reruns).isEqualTo(pg ? 2 : 0);
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id)
                .containsExactly("L1", "L2", "L3", "L4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWorkOfSeveralWritesOnTheVersionsItLastKnewProvesThemWithTheOrdersLockAndRunsAgainWholeWhenTheyChanged(String db) {
        boolean pg = openWithProductTokenAndOrder(db);
        assertThat(a.oneRequest(() -> holdRequest(a, "L1"))).isEqualTo("token 1, price 1");

        // a request like a submit's reserve step with stock taken: a table written with the order, on the versions the
        // process last knew. On PostgreSQL their proof rides on the order's lock (no versions statement of its own): the
        // lock first, then the writes, one commit
        calls.start();
        assertThat(a.oneRequest(() -> holdRequest(a, "L2"))).isEqualTo("token 1, price 1");
        List<RecordedCalls.Call> made = calls.stop();
        assertThat(made).noneMatch(call -> call.what().equals("SELECT tbl, version FROM table_versions"));
        assertThat(made).filteredOn(call -> call.what().equals("commit")).hasSize(1);
        if (pg) {
            assertThat(made.get(0).what()).endsWith("FOR UPDATE").contains(TableVersions.COLUMN);
            assertThat(made.get(0).autoCommit()).isFalse();
            assertThat(versionReads(made)).isEqualTo(1);
        }

        // the other instance changes the product: the lock's proof finds it before anything is written, and the request
        // runs again from the start on fresh reads: one hold, one line, at the new price
        b.table(PRODUCTS).put("P1", "price 2");
        long reruns = a.requestReruns();
        assertThat(a.oneRequest(() -> holdRequest(a, "L3"))).isEqualTo("token 1, price 2");
        assertThat(a.requestReruns() - reruns).isEqualTo(pg ? 1 : 0);
        assertThat(b.table(THINGS).find("hold L3")).contains("price 2");
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2", "L3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTransactionThatWroteNoReadMostlyTablePassesTheVersionsItsLockReadToTheRequestsNextGroup(String db) {
        open(db);
        boolean pg = db.equals("postgresql");
        a.table(PRODUCTS).insert("P1", "price 1");
        a.createOrder(order("O1"));
        a.oneRequest(() -> a.readTogether(() -> a.table(PRODUCTS).find("P1")));

        // as a submit's complete step after its middleware call (a hold settled with the order) and then its
        // auto-forward check: on PostgreSQL the order's one statement reads the versions too, and the group after it
        // answers the product from the shared cache on them (no versions statement, no product read)
        calls.start();
        assertThat(a.oneRequest(() -> settleThenRead(a, "L1"))).isEqualTo("price 1");
        List<RecordedCalls.Call> made = calls.stop();
        assertThat(made).noneMatch(call -> call.what().equals("SELECT tbl, version FROM table_versions"))
                .noneMatch(call -> call.what().startsWith("SELECT doc FROM documents"));
        if (pg) {
            assertThat(made).singleElement().satisfies(call -> assertThat(call.what())
                    .startsWith("WITH u AS (UPDATE orders").contains("DELETE FROM documents").contains(TableVersions.COLUMN));
        }

        // a product the other instance changed before the request is read as changed
        b.table(PRODUCTS).put("P1", "price 2");
        assertThat(a.oneRequest(() -> settleThenRead(a, "L2"))).isEqualTo("price 2");

        // a transaction that wrote a read-mostly table passes nothing on: the next group reads the versions anew
        calls.start();
        assertThat(a.oneRequest(() -> {
            a.withOrder("O1", s -> {
                a.table(PRODUCTS).put("P1", "price 3");
                return Mutation.commit(addLine(s, "L3", BigDecimal.ONE), null);
            });
            return a.readTogether(() -> a.table(PRODUCTS).find("P1").orElseThrow());
        })).isEqualTo("price 3");
        List<RecordedCalls.Call> wrote = calls.stop();
        if (pg) {
            assertThat(wrote).filteredOn(call -> call.what().equals("SELECT tbl, version FROM table_versions")).hasSize(1);
        }
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2", "L3");
        assertThat(b.table(THINGS).find("settled L2")).contains("O1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDocumentInsertedOrDiscardedWithTheOrderIsPartOfTheOrdersOneStatementOnPostgres(String db) {
        open(db);
        boolean pg = db.equals("postgresql");
        a.createOrder(order("O1"));
        a.table(THINGS).insert("taken", "x");

        // a submit's reserve step: the hold inserted with the order's change, one auto-committed statement, no lock
        calls.start();
        a.oneRequest(() -> a.withOrder("O1", s -> {
            a.table(THINGS).insert("hold", "h1");
            return Mutation.commit(addLine(s, "L1", BigDecimal.ONE), null);
        }));
        List<RecordedCalls.Call> inserted = calls.stop();
        // its complete step: the hold discarded with the order's change
        calls.start();
        a.oneRequest(() -> a.withOrder("O1", s -> {
            a.table(THINGS).discard("hold");
            return Mutation.commit(addLine(s, "L2", BigDecimal.ONE), null);
        }));
        List<RecordedCalls.Call> discarded = calls.stop();
        if (pg) {
            assertThat(inserted).singleElement().satisfies(call -> {
                assertThat(call.what()).startsWith("WITH u AS (UPDATE orders").contains("INSERT INTO documents");
                assertThat(call.autoCommit()).isTrue();
            });
            assertThat(discarded).singleElement().satisfies(call -> {
                assertThat(call.what()).startsWith("WITH u AS (UPDATE orders").contains("DELETE FROM documents");
                assertThat(call.autoCommit()).isTrue();
            });
        } else {
            assertThat(inserted).extracting(RecordedCalls.Call::what).contains("commit");
        }
        assertThat(b.table(THINGS).find("hold")).isEmpty();
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2");

        // a taken key is refused as without deferring (409 IdExists), nothing of the operation written
        assertThatThrownBy(() -> a.oneRequest(() -> a.withOrder("O1", s -> {
            a.table(THINGS).insert("taken", "y");
            return Mutation.commit(addLine(s, "L3", BigDecimal.ONE), null);
        }))).isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("IdExists"));
        assertThat(b.table(THINGS).find("taken")).contains("x");
        assertThat(b.order("O1").orElseThrow().lineItems()).hasSize(2);

        // a read of the table after the insert sees it; the insert, then the discard of one row in one operation
        assertThat(a.oneRequest(() -> a.<String>withOrder("O1", s -> {
            a.table(THINGS).insert("seen", "z");
            String read = a.table(THINGS).find("seen").orElseThrow();
            a.table(THINGS).insert("brief", "b");
            a.table(THINGS).discard("brief");
            return Mutation.commit(addLine(s, "L3", BigDecimal.ONE), read);
        }))).isEqualTo("z");
        assertThat(b.table(THINGS).find("seen")).contains("z");
        assertThat(b.table(THINGS).find("brief")).isEmpty();

        // a work that fails after the insert, or decides nothing for the order, leaves it out or commits it
        assertThatThrownBy(() -> a.oneRequest(() -> a.withOrder("O1", s -> {
            a.table(THINGS).insert("never", "n");
            throw new OrderCloudException(400, "Refused", "no");
        }))).isInstanceOf(OrderCloudException.class);
        assertThat(b.table(THINGS).find("never")).isEmpty();
        a.oneRequest(() -> a.withOrder("O1", s -> {
            a.table(THINGS).insert("alone", "a");
            return Mutation.unchanged(null);
        }));
        assertThat(b.table(THINGS).find("alone")).contains("a");
        assertThat(b.order("O1").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2", "L3");
    }

    /**
     * After a call out, a hold-like row discarded with the order's new line and another inserted, then a group of reads
     * of the product.
     */
    private static String settleThenRead(JdbcStore store, String lineID) {
        store.callingOut();
        store.withOrder("O1", s -> {
            store.table(THINGS).discard("hold " + lineID);
            store.table(THINGS).insert("settled " + lineID, "O1");
            return Mutation.commit(addLine(s, lineID, BigDecimal.ONE), null);
        });
        return store.readTogether(() -> store.table(PRODUCTS).find("P1").orElseThrow());
    }

    /**
     * As {@link #request}, with a row of another table written in the same operation by a write that needs the order's
     * lock first (a {@code put}: an update, or an insert when absent; an insert alone would be deferred into the order's
     * statement on PostgreSQL, {@link DeferredWrites}).
     */
    private static String holdRequest(JdbcStore store, String lineID) {
        String token = store.readTogether(() -> store.table(TOKEN_VERSIONS).find("b1/u1").map(String::valueOf).orElse("none"));
        String price = store.withOrder("O1", s -> {
            String p = store.table(PRODUCTS).find("P1").orElseThrow();
            store.table(THINGS).put("hold " + lineID, p);
            return Mutation.commit(addLine(s, lineID, BigDecimal.ONE), p);
        });
        return "token " + token + ", " + price;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void noCallOutAndNoRefusalIsMadeOnVersionsThatChanged(String db) {
        open(db);
        a.table(TOKEN_VERSIONS).insert("b1/u1", 1L);
        assertThat(a.oneRequest(() -> a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1")))).contains(1L);

        // a call out over the network is preceded by a proof: the call is made once, on the changed token version
        b.table(TOKEN_VERSIONS).put("b1/u1", 2L);
        List<Long> calledWith = new ArrayList<>();
        long answer = a.oneRequest(() -> {
            long token = a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow());
            a.callingOut();
            calledWith.add(token);
            return token;
        });
        assertThat(calledWith).containsExactly(2L);
        assertThat(answer).isEqualTo(2L);

        // a refusal is an answer: one made from an old token version is not given, the request runs again instead
        b.table(TOKEN_VERSIONS).put("b1/u1", 3L);
        List<Long> refusedAt = new ArrayList<>();
        long fresh = a.oneRequest(() -> {
            long token = a.readTogether(() -> a.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow());
            if (token < 3) {
                refusedAt.add(token);
                throw new OrderCloudException(401, "InvalidToken", "token version " + token);
            }
            return token;
        });
        assertThat(fresh).isEqualTo(3L);
        // on PostgreSQL the first run refused on version 2 but its refusal was never answered (the proof failed)
        assertThat(refusedAt).hasSizeLessThanOrEqualTo(1).allMatch(v -> v == 2L);
        assertThat(a.requestReruns()).isEqualTo(db.equals("postgresql") ? 2 : 0);
    }

    /** The sum of {@code order_counts} for one key, read from the shared database directly. */
    private long count(String side, String company, String status) throws java.sql.SQLException {
        try (java.sql.Connection c = calls.database().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT COALESCE(SUM(n), 0) FROM order_counts WHERE side = ? AND company = ? AND status = ?")) {
            ps.setString(1, side);
            ps.setString(2, company);
            ps.setString(3, status);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anOrderCreatedOutsideATransactionIsOneAutoCommittedStatementOnPostgresWithItsLinesAndCounts(String db)
            throws Exception {
        open(db);
        OrderState withLines = addLine(addLine(order("O2"), "L1", BigDecimal.ONE), "L2", BigDecimal.TEN)
                .withOrder(order("O2").order().toBuilder().status(OrderStatus.Unsubmitted).total(new BigDecimal("11")).build());

        calls.start();
        a.createOrder(order("O1"));
        a.createOrder(withLines);
        List<RecordedCalls.Call> made = calls.stop();

        if (db.equals("postgresql")) {
            assertThat(made).hasSize(2).allMatch(RecordedCalls.Call::autoCommit)
                    .allSatisfy(call -> assertThat(call.what()).startsWith("WITH u AS (INSERT INTO orders"));
        } else {
            assertThat(made).extracting(RecordedCalls.Call::what).contains("commit");
        }
        assertThat(b.order("O2").orElseThrow().lineItems()).extracting(LineItem::id).containsExactly("L1", "L2");
        assertThat(b.order("O2").orElseThrow().order().total()).isEqualByComparingTo("11");
        assertThat(count("F", "b1", "Unsubmitted")).isEqualTo(1);
        assertThat(count("F", "b1", "")).isEqualTo(1);
        assertThat(count("T", "seller", "Unsubmitted")).isEqualTo(1);
        // a taken ID is 409 and changes nothing, in auto-commit mode too
        assertThatThrownBy(() -> a.createOrder(withLines))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(count("F", "b1", "Unsubmitted")).isEqualTo(1);
        assertThat(b.order("O2").orElseThrow().lineItems()).hasSize(2);
    }

    /** Opens both stores on {@code db} with product P1, user b1/u1's token version and order O1; whether it is PostgreSQL. */
    private boolean openWithProductTokenAndOrder(String db) {
        open(db);
        a.table(PRODUCTS).insert("P1", "price 1");
        a.table(TOKEN_VERSIONS).insert("b1/u1", 1L);
        a.createOrder(order("O1"));
        return db.equals("postgresql");
    }

    private static long versionReads(List<RecordedCalls.Call> made) {
        // a statement of its own, or (since session 13) a read that carries them as a proof (TableVersions.COLUMN)
        return made.stream().filter(call -> call.what().equals("SELECT tbl, version FROM table_versions")
                || call.what().contains(TableVersions.COLUMN)).count();
    }

    /**
     * A write request as the API makes it: the token version read in a group of reads, then the order operation, whose
     * work reads the product (a read-mostly table) and adds a line.
     */
    private static String request(JdbcStore store, String lineID) {
        String token = store.readTogether(() -> store.table(TOKEN_VERSIONS).find("b1/u1").map(String::valueOf).orElse("none"));
        String price = store.withOrder("O1", s -> Mutation.commit(addLine(s, lineID, BigDecimal.ONE),
                store.table(PRODUCTS).find("P1").orElseThrow()));
        return "token " + token + ", " + price;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OrderState order(String id) {
        return OrderState.of(Order.builder().id(id).fromCompanyID("b1").fromUserID("u1").toCompanyID("seller")
                .total(BigDecimal.ZERO).build());
    }

    /** {@code s} with a line of {@code amount} appended and the order's total raised by it. */
    private static OrderState addLine(OrderState s, String id, BigDecimal amount) {
        List<LineItem> lines = new ArrayList<>(s.lineItems());
        lines.add(LineItem.builder().id(id).productID("P1").quantity(1).unitPrice(amount).lineTotal(amount).build());
        return s.withLineItems(lines).withOrder(s.order().toBuilder().total(s.order().total().add(amount)).build());
    }

    /** As {@link #addLine}, refused with 409 when the order has a line {@code id} already. */
    private static OrderState addNewLine(OrderState s, String id, BigDecimal amount) {
        if (s.line(id).isPresent()) {
            throw new OrderCloudException(409, "IdExists", "LineItem already exists: " + id);
        }
        return addLine(s, id, amount);
    }

    private static OrderState withStatus(OrderState s, OrderStatus status) {
        return s.withOrder(s.order().toBuilder().status(status).build());
    }

    private static OrderState withoutLine(OrderState s, String id) {
        LineItem gone = s.line(id).orElseThrow();
        List<LineItem> lines = new ArrayList<>(s.lineItems());
        lines.remove(gone);
        return s.withLineItems(lines).withOrder(s.order().toBuilder().total(s.order().total().subtract(gone.lineTotal())).build());
    }
}
