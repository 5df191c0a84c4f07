package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void fiftyThreadsAddingLinesToOneOrderLoseNone() throws Exception {
        EngineFixture f = new EngineFixture();
        f.engine.orders().create(f.u1, Order.builder().id("O1").build());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LineItem>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return f.engine.lineItems().add(f.u1, Outgoing, "O1", LineItem.builder().productID("P1").quantity(1).build());
            }));
        }
        start.countDown();
        for (Future<LineItem> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Order o = f.engine.orders().get(f.u1, Outgoing, "O1");
        assertThat(f.engine.lineItems().list(f.u1, Outgoing, "O1")).hasSize(50);
        assertThat(o.lineItemCount()).isEqualTo(50);
        assertThat(o.subtotal()).isEqualByComparingTo("500.00");
    }

    @Test
    void twoConcurrentSubmitsSubmitTheOrderOnce() throws Exception {
        EngineFixture f = new EngineFixture();
        f.engine.orders().create(f.u1, Order.builder().id("O1").build());
        f.engine.lineItems().add(f.u1, Outgoing, "O1", LineItem.builder().productID("P1").quantity(1).build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return f.engine.submit().submit(f.u1Plain, Outgoing, "O1", "tok").status().name();
                } catch (OrderCloudException e) {
                    return e.errorCode();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("Open", "Order.CannotSubmitBadStatus");
    }
}
