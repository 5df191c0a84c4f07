package io.orderhooks.engine.internal.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Table;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory store's locking: a lock per order, the table lock of a writing operation, no cross-order locking. */
class InMemoryStoreLockingTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Repository<String> things = store.table(Table.of("things", String.class));

    private static OrderState order(String id) {
        return OrderState.of(Order.builder().id(id).fromCompanyID("b1").fromUserID("u1").toCompanyID("seller").build());
    }

    @Test
    void anOperationOnOneOrderDoesNotWaitForAnOperationOnAnother() throws Exception {
        store.createOrder(order("O1"));
        store.createOrder(order("O2"));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> store.withOrder("O1", s -> {
            inside.countDown();
            await(release);
            return Mutation.commit(s.withSubmitGeneration(1), 1);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Integer second = CompletableFuture.supplyAsync(() -> store.withOrder("O2", s -> Mutation.commit(s.withSubmitGeneration(2), 2)))
                .get(10, TimeUnit.SECONDS);
        assertThat(second).as("O2 committed while O1's operation is still open").isEqualTo(2);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(store.order("O1").orElseThrow().submitGeneration()).isEqualTo(1);
        assertThat(store.order("O2").orElseThrow().submitGeneration()).isEqualTo(2);
    }

    @Test
    void aTableWriteWaitsForTheOperationThatWroteTheTableSoItsRollbackCannotUndoTheWrite() throws Exception {
        store.createOrder(order("O1"));
        things.insert("row", "0");
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> store.withOrder("O1", s -> {
            things.put("row", "from the failing operation");
            wrote.countDown();
            await(release);
            throw OrderCloudException.validation("refused");
        }));
        assertThat(wrote.await(10, TimeUnit.SECONDS)).isTrue();
        Thread writer = new Thread(() -> things.put("row", "from another thread"));
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(writer.getState()).as("the plain write waits for the open operation").isEqualTo(Thread.State.WAITING);
        release.countDown();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
        writer.join(10_000);
        assertThat(things.find("row")).contains("from another thread");
    }

    @Test
    void workMayNotLockAnotherOrderAndNothingItDidStays() {
        store.createOrder(order("O1"));
        store.createOrder(order("O2"));
        assertThatThrownBy(() -> store.withOrder("O1", s -> {
            things.put("row", "written");
            return store.withOrder("O2", t -> Mutation.commit(t.withSubmitGeneration(5), null));
        })).isInstanceOf(IllegalStateException.class)
                .hasMessage("withOrder(O2) inside an operation on order(s) [O1]: work must not lock another order (Store contract)");
        assertThat(store.order("O2").orElseThrow().submitGeneration()).isZero();
        assertThat(things.find("row")).isEmpty();
        Integer committed = store.withOrder("O2", t -> Mutation.commit(t.withSubmitGeneration(5), 5));
        assertThat(committed).as("O2's lock is free").isEqualTo(5);
    }

    @Test
    void anOrderCreatedByAFailingOperationIsGoneFromTheStoreAndItsIndexAndCanBeCreatedAgain() {
        store.createOrder(order("O1"));
        assertThatThrownBy(() -> store.withOrder("O1", s -> {
            store.createOrder(order("O3"));
            String created = store.withOrder("O3", t -> Mutation.unchanged(t.id()));
            assertThat(created).as("its creator may work on it").isEqualTo("O3");
            throw OrderCloudException.validation("refused");
        })).hasMessage("refused");
        assertThat(store.order("O3")).isEmpty();
        assertThat(store.ordersOfCompany("b1")).extracting(OrderState::id).containsExactly("O1");
        store.createOrder(order("O3"));
        assertThat(store.ordersFromUser("b1", "u1")).extracting(OrderState::id).containsExactly("O1", "O3");
    }

    @Test
    void orderLocksAreForgottenWhenNoThreadUsesThem() {
        OrderLocks locks = new OrderLocks();
        locks.lock("O1");
        locks.lock("O1");
        assertThat(locks.tryLock("O2")).isTrue();
        assertThat(locks.inUse()).isEqualTo(2);
        locks.unlock("O1");
        locks.unlock("O1");
        locks.unlock("O2");
        assertThat(locks.inUse()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
