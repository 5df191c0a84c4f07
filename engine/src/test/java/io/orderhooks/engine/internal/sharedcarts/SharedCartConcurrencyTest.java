package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.model.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedCartConcurrencyTest {

    @Test
    void threeUsersAmendingOneSharedCartConcurrentlyLoseNothing() throws Exception {
        SharedCartFixture f = new SharedCartFixture();
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        List<Caller> users = List.of(f.u1, f.u2, f.u3);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Caller who = users.get(i % 3);
            String color = i % 2 == 0 ? "red" : "blue";
            done.add(pool.submit(() -> {
                go.await();
                return f.add(who, "S1", "P1", 1, color);
            }));
        }
        go.countDown();
        for (Future<?> d : done) {
            d.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Order o = f.order(f.u2, "S1");
        assertThat(f.engine.lineItems().list(f.u3, Outgoing, "S1")).hasSize(60);
        assertThat(o.lineItemCount()).isEqualTo(60);
        assertThat(o.subtotal()).isEqualByComparingTo("600.00");
        assertThat(o.lastModifierID()).isIn("u1", "u2", "u3");
    }
}
