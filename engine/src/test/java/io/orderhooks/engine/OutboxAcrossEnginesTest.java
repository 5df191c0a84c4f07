package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two engines on one PostgreSQL share one outbox: each post-webhook is delivered once, by one of them. */
class OutboxAcrossEnginesTest {

    private static final int PER_ENGINE = 40;

    @Test
    void twoEnginesOnOnePostgresDeliverEachPostWebhookExactlyOnce() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (OutboxHooks hooks = new OutboxHooks();
             OrderEngine a = engine(url);
             OrderEngine b = engine(url)) {
            hooks.register(a, hooks.adminToken(a));
            AtomicInteger created = new AtomicInteger();
            List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> writers = new ArrayList<>();
            for (OrderEngine e : List.of(a, b)) {
                String prefix = e == a ? "a" : "b";
                String token = hooks.adminToken(e);
                Thread t = new Thread(() -> {
                    for (int i = 0; i < PER_ENGINE; i++) {
                        try {
                            int status = hooks.post(e, "v1/buyers", token, OutboxHooks.buyer(prefix + i));
                            if (status == 201) {
                                created.incrementAndGet();
                            } else {
                                refused.add(prefix + i + ": " + status + " " + hooks.lastBody);
                            }
                        } catch (Exception x) {
                            throw new IllegalStateException(x);
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) {
                t.join(TimeUnit.MINUTES.toMillis(2));
            }
            assertThat(refused).isEmpty();
            assertThat(created.get()).isEqualTo(2 * PER_ENGINE);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while ((hooks.byLogID.size() < 2 * PER_ENGINE || outboxSize(a) > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(hooks.byLogID).hasSize(2 * PER_ENGINE);
            assertThat(hooks.byLogID.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(outboxSize(a)).isZero();
            List<DeliveryRecord> records = a.deliveryLog().list(DeliveryLog.Query.ALL.withKind(DeliveryRecord.Kind.POST_WEBHOOK));
            assertThat(records).hasSize(2 * PER_ENGINE).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
        }
    }

    private static int outboxSize(OrderEngine e) {
        return e.engine().context().store().outbox().orElseThrow().size();
    }

    private static OrderEngine engine(String url) {
        return OrderEngine.create(cfg -> cfg.store(Stores.postgresql(url, "postgres", "postgres"))
                .admin(AdminBootstrap.LOCAL_DEFAULTS)
                .webhooks(WebhookSinks.http(s -> s.workers(2)))).start("127.0.0.1", 0);
    }
}
