package io.orderhooks.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@link CheckoutOutsideTransactionsContract} on a real (embedded) PostgreSQL with a pool of two connections, plus what
 * must hold across two engine instances on one database.
 */
class PostgresCheckoutOutsideTransactionsTest extends CheckoutOutsideTransactionsContract {

    private String url;

    @Override
    protected Store open(int poolSize) {
        url = TestPostgres.freshDatabase();
        return JdbcStores.postgresql(url, "postgres", "postgres", poolSize);
    }

    @RepeatedTest(4)
    void twoEngineInstancesOnOneDatabaseGiveAUserOneCartWhenItsFirstRequestsRace() throws Exception {
        try (JdbcStore other = JdbcStores.postgresql(url, "postgres", "postgres", 4)) {
            Engine second = Engine.builder().clock(f.clock).passwordHasher(new PasswordHasher(1)).store(other).build();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService racers = Executors.newFixedThreadPool(6);
            List<Future<Order>> carts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Engine on = i % 2 == 0 ? e : second;
                carts.add(racers.submit(() -> {
                    start.await();
                    return on.cart().current(f.u1);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Order> c : carts) {
                ids.add(c.get(30, TimeUnit.SECONDS).id());
            }
            racers.shutdown();

            assertThat(ids).containsOnly(ids.get(0));
            assertThat(store.ordersFromUser("b1", "u1")).extracting(s -> s.order().id()).containsExactly(ids.get(0));
            assertThat(store.order(ids.get(0)).orElseThrow().order().status()).isEqualTo(OrderStatus.Unsubmitted);
        }
    }
}
