package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's read caches ({@link OrderCache} across requests, {@link TransactionReads} within one transaction,
 * {@link SharedReads} of the read-mostly tables across transactions and across the reads a request makes together) on two engine instances' stores sharing one
 * PostgreSQL database: what one instance wrote is what the other reads next, and nothing rolled back is ever read back.
 */
class JdbcReadCachesTest {

    private static final Table<String> THINGS = Table.of("things", String.class);
    /** A read-mostly table ({@link SharedReads#TABLES}). */
    private static final Table<String> PRODUCTS = Table.of("products", String.class);
    /** The two tables every write request reads before its work ({@link JdbcStore#readTogether}). */
    private static final Table<Long> TOKEN_VERSIONS = Table.of("usertokenversions", Long.class);
    private static final Table<String> WEBHOOKS = Table.of("webhooks", String.class);

    private JdbcStore a;
    private JdbcStore b;
    private String url;

    @BeforeEach
    void open() {
        url = TestPostgres.freshDatabase();
        a = JdbcStores.postgresql(url, "postgres", "postgres", 4);
        b = JdbcStores.postgresql(url, "postgres", "postgres", 4);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void anOrderTheOtherInstanceChangedIsReadAsChangedAlthoughThisInstanceHadReadItBefore() {
        a.createOrder(order("O1", "first"));
        assertThat(comments(a, "O1")).isEqualTo("first");
        a.withOrder("O1", s -> Mutation.commit(withComments(s, "second"), null));

        b.withOrder("O1", s -> Mutation.commit(withComments(s, s.order().comments() + " then third"), null));

        assertThat(comments(a, "O1")).isEqualTo("second then third");
        assertThat(a.<String>withOrder("O1", s -> Mutation.unchanged(s.order().comments()))).isEqualTo("second then third");
    }

    @Test
    void anOrderWhoseLinesTheOtherInstanceChangedIsReadWithItsNewLinesAndThenAnsweredFromTheCacheAgain() {
        a.createOrder(order("O1", "first").withLineItems(java.util.List.of(line("L1"))));
        assertThat(lineIds(a, "O1")).containsExactly("L1");

        b.withOrder("O1", s -> Mutation.commit(withComments(s, "second").withLineItems(java.util.List.of(line("L1"), line("L2"))), null));

        // a's remembered row is found changed: read again whole, its document and lines from one statement
        OrderState read = a.order("O1").orElseThrow();
        assertThat(read.order().comments()).isEqualTo("second");
        assertThat(read.lineItems()).extracting(io.orderhooks.core.model.LineItem::id).containsExactly("L1", "L2");
        // and remembered: the next read is the same state, unchanged in the database
        assertThat(a.order("O1").orElseThrow()).isSameAs(read);
    }

    @Test
    void aWriteRolledBackWithItsTransactionIsNotReadBack() {
        a.createOrder(order("O1", "kept"));
        assertThat(comments(a, "O1")).isEqualTo("kept");
        OrderCloudException refused = new OrderCloudException(400, "Test.Refused", "refused after the write");

        assertThatThrownBy(() -> a.allOrNothing(() -> {
            a.withOrder("O1", s -> Mutation.commit(withComments(s, "rolled back"), null));
            throw refused;
        })).isSameAs(refused);

        assertThat(comments(a, "O1")).isEqualTo("kept");
        b.withOrder("O1", s -> Mutation.commit(withComments(s, "from b"), null));
        assertThat(a.<String>withOrder("O1", s -> Mutation.unchanged(s.order().comments()))).isEqualTo("from b");
    }

    @Test
    void aDeletedOrderCreatedAgainUnderItsIdIsReadAsTheNewOne() {
        a.createOrder(order("O1", "old"));
        assertThat(comments(a, "O1")).isEqualTo("old");
        a.withOrder("O1", s -> Mutation.delete(null));
        assertThat(a.order("O1")).isEmpty();

        b.createOrder(order("O1", "new"));

        assertThat(comments(a, "O1")).isEqualTo("new");
    }

    @Test
    void aTransactionReadsItsOwnWriteOfATableItHadReadAlready() {
        Repository<String> things = a.table(THINGS);
        things.insert("k", "v1");

        String seen = a.atomically(() -> {
            String before = things.findAll(java.util.List.of("k")).get("k");
            things.find("k");
            things.put("k", before + "+v2");
            return things.find("k").orElseThrow() + " / " + things.list();
        });

        assertThat(seen).isEqualTo("v1+v2 / [v1+v2]");
    }

    @Test
    void aTableWriteUndoneWithAFailedOrderOperationIsNotReadLaterInTheSameTransaction() {
        Repository<String> things = a.table(THINGS);
        things.insert("k", "v1");
        a.createOrder(order("O1", "c"));
        OrderCloudException refused = new OrderCloudException(400, "Test.Refused", "refused after the table write");

        String seen = a.atomically(() -> {
            things.find("k");
            try {
                a.withOrder("O1", s -> {
                    things.put("k", "undone");
                    things.find("k");
                    return Mutation.commitThenFail(s, refused);
                });
            } catch (OrderCloudException e) {
                // the order operation committed its savepoint and then failed: its write stays
            }
            try {
                a.withOrder("O1", s -> {
                    things.put("k", "rolled back");
                    things.find("k");
                    throw refused;
                });
            } catch (OrderCloudException e) {
                // refused inside the work: its savepoint is rolled back
            }
            return things.find("k").orElseThrow();
        });

        assertThat(seen).isEqualTo("undone");
        assertThat(things.find("k")).contains("undone");
    }

    @Test
    void aTableWriteOfTheOtherInstanceIsReadByTheNextTransaction() {
        a.table(THINGS).insert("k", "v1");
        assertThat(a.atomically(() -> a.table(THINGS).find("k").orElseThrow())).isEqualTo("v1");

        b.table(THINGS).put("k", "v2");

        assertThat(a.atomically(() -> a.table(THINGS).find("k").orElseThrow())).isEqualTo("v2");
    }

    @Test
    void aReadMostlyTableIsReadFromTheSharedCacheWhileItsVersionIsUnchangedAndFromTheDatabaseOnceItChanges() throws Exception {
        a.table(PRODUCTS).insert("P1", "v1");
        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        sql("UPDATE documents SET doc = '\"behind the cache\"' WHERE tbl = 'products' AND doc_key = 'P1'");

        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        assertThat(a.table(PRODUCTS).find("P1")).contains("behind the cache"); // outside a transaction: not cached

        sql("UPDATE table_versions SET version = version + 1 WHERE tbl = 'products'");
        assertThat(readInTransaction(a, "P1")).isEqualTo("behind the cache");
    }

    @Test
    void findAllOfAReadMostlyTableTakesTheKeysTheSharedCacheHoldsAtTheirVersionAndReadsOnlyTheOthers() throws Exception {
        a.table(PRODUCTS).insert("P1", "v1");
        a.table(PRODUCTS).insert("P2", "w1");
        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        sql("UPDATE documents SET doc = '\"v1 behind the cache\"' WHERE tbl = 'products' AND doc_key = 'P1'");
        sql("UPDATE documents SET doc = '\"w1 behind the cache\"' WHERE tbl = 'products' AND doc_key = 'P2'");

        // outside a transaction too (a group of its own): P1 as cached, P2 read (and cached), P3 has no row
        assertThat(a.table(PRODUCTS).findAll(java.util.List.of("P3", "P2", "P1", "P2")))
                .containsExactly(java.util.Map.entry("P2", "w1 behind the cache"), java.util.Map.entry("P1", "v1"));
        sql("UPDATE documents SET doc = '\"w1 twice behind\"' WHERE tbl = 'products' AND doc_key = 'P2'");
        assertThat(a.atomically(() -> a.table(PRODUCTS).findAll(java.util.List.of("P1", "P2"))))
                .containsExactly(java.util.Map.entry("P1", "v1"), java.util.Map.entry("P2", "w1 behind the cache"));
        assertThat(readInTransaction(a, "P2")).isEqualTo("w1 behind the cache"); // what find is answered too

        b.table(PRODUCTS).put("P3", "x1"); // the table's version moves: every key is read again
        assertThat(a.table(PRODUCTS).findAll(java.util.List.of("P1", "P2", "P3"))).containsExactly(
                java.util.Map.entry("P1", "v1 behind the cache"), java.util.Map.entry("P2", "w1 twice behind"),
                java.util.Map.entry("P3", "x1"));
    }

    @Test
    void findAllInATransactionThatWroteAReadMostlyTableReadsItsOwnWriteAndNeverSharesIt() {
        a.table(PRODUCTS).insert("P1", "v1");
        assertThat(a.table(PRODUCTS).findAll(java.util.List.of("P1"))).containsEntry("P1", "v1");
        OrderCloudException refused = new OrderCloudException(400, "Test.Refused", "refused after the write");

        assertThatThrownBy(() -> a.allOrNothing(() -> {
            a.table(PRODUCTS).put("P1", "rolled back");
            assertThat(a.table(PRODUCTS).findAll(java.util.List.of("P1"))).containsEntry("P1", "rolled back");
            throw refused;
        })).isSameAs(refused);

        assertThat(a.table(PRODUCTS).findAll(java.util.List.of("P1"))).containsEntry("P1", "v1");
        assertThat(b.table(PRODUCTS).findAll(java.util.List.of("P1"))).containsEntry("P1", "v1");
    }

    @Test
    void aReadMostlyTableWrittenByTheOtherInstanceIsReadAsWrittenByTheNextTransaction() {
        a.table(PRODUCTS).insert("P1", "v1");
        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        assertThat(a.atomically(() -> a.table(PRODUCTS).list())).containsExactly("v1");

        b.table(PRODUCTS).put("P1", "v2");
        b.atomically(() -> {
            b.table(PRODUCTS).insert("P2", "w1");
            return null;
        });

        assertThat(readInTransaction(a, "P1")).isEqualTo("v2");
        assertThat(a.atomically(() -> a.table(PRODUCTS).list())).containsExactly("v2", "w1");
        b.table(PRODUCTS).delete("P2");
        assertThat(a.atomically(() -> a.table(PRODUCTS).list())).containsExactly("v2");
    }

    @Test
    void aTransactionReadsItsOwnWriteOfAReadMostlyTableAndItsRollbackIsNeverShared() {
        a.table(PRODUCTS).insert("P1", "v1");
        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        OrderCloudException refused = new OrderCloudException(400, "Test.Refused", "refused after the write");

        assertThatThrownBy(() -> a.allOrNothing(() -> {
            a.table(PRODUCTS).put("P1", "rolled back");
            assertThat(a.table(PRODUCTS).find("P1")).contains("rolled back");
            throw refused;
        })).isSameAs(refused);

        assertThat(readInTransaction(a, "P1")).isEqualTo("v1");
        assertThat(readInTransaction(b, "P1")).isEqualTo("v1");
    }

    @Test
    void aReadMostlyTableChangedWhileAnOrderWaitedForItsLockIsReadAsChangedUnderTheLock() {
        a.table(PRODUCTS).insert("P1", "v1");
        a.createOrder(order("O1", "c"));
        String seen = a.atomically(() -> {
            a.table(PRODUCTS).find("P1"); // versions read before the lock
            b.table(PRODUCTS).put("P1", "v2");
            return a.<String>withOrder("O1", s -> Mutation.unchanged(a.table(PRODUCTS).find("P1").orElseThrow()));
        });

        assertThat(seen).isEqualTo("v2");
    }

    @Test
    void theMessageSendersEverySubmitsNotificationReadsAreAnsweredFromTheSharedCacheUntilAnotherInstanceChangesThem()
            throws Exception {
        Table<String> senders = Table.of("messagesenders", String.class);
        Table<String> assignments = Table.of("messagesenderassignments", String.class);
        a.table(senders).insert("s1", "first");
        a.table(assignments).insert("s1/b1/", "to b1");
        java.util.function.Supplier<String> read = () -> a.readTogether(
                () -> a.table(senders).list() + " " + a.table(assignments).listWithPrefix("s1/b1/"));
        assertThat(read.get()).isEqualTo("[first] [to b1]");
        sql("UPDATE documents SET doc = '\"behind the versions\"' WHERE tbl = 'messagesenders' AND doc_key = 's1'");
        assertThat(read.get()).isEqualTo("[first] [to b1]"); // versions unchanged: what it read before

        b.table(senders).insert("s2", "second");
        assertThat(read.get()).isEqualTo("[behind the versions, second] [to b1]");
        b.table(assignments).delete("s1/b1/");
        assertThat(read.get()).isEqualTo("[behind the versions, second] []");
    }

    @Test
    void readsMadeTogetherOutsideATransactionAreAnsweredFromTheSharedCacheUntilAnotherInstanceWritesTheTable() throws Exception {
        a.table(TOKEN_VERSIONS).insert("b1/u1", 1L);
        a.table(WEBHOOKS).insert("w1", "first");
        assertThat(readTogether(a)).isEqualTo("1 [first]");
        sql("UPDATE documents SET doc = '7' WHERE tbl = 'usertokenversions' AND doc_key = 'b1/u1'");

        assertThat(readTogether(a)).isEqualTo("1 [first]"); // versions unchanged: what it read before
        assertThat(a.table(TOKEN_VERSIONS).find("b1/u1")).contains(7L); // a lone read: never cached

        b.table(TOKEN_VERSIONS).put("b1/u1", 2L);
        assertThat(readTogether(a)).isEqualTo("2 [first]");
        b.table(WEBHOOKS).put("w1", "changed");
        assertThat(readTogether(a)).isEqualTo("2 [changed]");
        b.table(WEBHOOKS).delete("w1");
        assertThat(readTogether(a)).isEqualTo("2 []");
    }

    @Test
    void aWriteMadeAmongReadsTogetherIsReadBackByTheReadsAfterIt() {
        a.table(PRODUCTS).insert("P1", "v1");

        String seen = a.readTogether(() -> {
            String before = a.table(PRODUCTS).find("P1").orElseThrow();
            a.table(PRODUCTS).put("P1", before + "+v2");
            return a.table(PRODUCTS).find("P1").orElseThrow();
        });

        assertThat(seen).isEqualTo("v1+v2");
        assertThat(readTogether(b, "P1")).isEqualTo("v1+v2");
    }

    private static String readTogether(JdbcStore store) {
        return store.readTogether(() -> store.table(TOKEN_VERSIONS).find("b1/u1").orElseThrow() + " "
                + store.table(WEBHOOKS).list());
    }

    private static String readTogether(JdbcStore store, String product) {
        return store.readTogether(() -> store.table(PRODUCTS).find(product).orElseThrow());
    }

    private static String readInTransaction(JdbcStore store, String key) {
        return store.atomically(() -> store.table(PRODUCTS).find(key).orElseThrow());
    }

    /** A statement on the shared database behind both stores (a third party's write, not through an engine). */
    private void sql(String statement) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private static OrderState order(String id, String comments) {
        return OrderState.of(Order.builder().id(id).fromCompanyID("b1").fromUserID("u1").toCompanyID("seller")
                .comments(comments).build());
    }

    private static OrderState withComments(OrderState s, String comments) {
        return s.withOrder(s.order().toBuilder().comments(comments).build());
    }

    private static java.util.List<String> lineIds(JdbcStore store, String orderID) {
        return store.order(orderID).orElseThrow().lineItems().stream().map(io.orderhooks.core.model.LineItem::id).toList();
    }

    private static io.orderhooks.core.model.LineItem line(String id) {
        return io.orderhooks.core.model.LineItem.builder().id(id).productID("p-" + id).quantity(1)
                .unitPrice(new java.math.BigDecimal("2.50")).build();
    }

    private static String comments(JdbcStore store, String orderID) {
        return store.order(orderID).orElseThrow().order().comments();
    }
}
