package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2, a write's post-webhook is in the outbox when the write is answered, a refused write adds none, and a queued
 * post-webhook survives a restart (it is not dead-lettered at close) and is delivered by the next engine.
 */
class DurableOutboxRestartTest {

    @TempDir
    Path data;

    @Test
    void anAnsweredWriteHasItsPostWebhookQueuedARefusedOneHasNoneAndTheQueueSurvivesARestart() throws Exception {
        try (OutboxHooks hooks = new OutboxHooks()) {
            try (OrderEngine first = engine(0)) {
                String token = hooks.adminToken(first);
                hooks.register(first, token);

                assertThat(hooks.post(first, "v1/buyers", token, OutboxHooks.buyer("b1"))).isEqualTo(201);
                assertThat(outboxSize(first)).isEqualTo(1);
                assertThat(hooks.post(first, "v1/buyers", token, OutboxHooks.buyer("b1"))).isEqualTo(409);
                assertThat(outboxSize(first)).isEqualTo(1);
            }
            assertThat(hooks.delivered()).isZero();

            try (OrderEngine second = engine(2)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((hooks.delivered() < 1 || outboxSize(second) > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(hooks.byLogID).hasSize(1);
                assertThat(hooks.byLogID.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
                assertThat(outboxSize(second)).isZero();
                assertThat(second.deliveryLog().list(io.orderhooks.engine.spi.DeliveryLog.Query.ALL))
                        .singleElement().satisfies(r -> {
                            assertThat(r.succeeded()).isTrue();
                            assertThat(r.deadLetter()).isFalse();
                        });
            }
        }
    }

    private int outboxSize(OrderEngine e) {
        return e.engine().context().store().outbox().orElseThrow().size();
    }

    private OrderEngine engine(int workers) {
        return OrderEngine.create(cfg -> cfg.store(Stores.h2(data)).admin(AdminBootstrap.LOCAL_DEFAULTS)
                .webhooks(WebhookSinks.http(s -> s.workers(workers)))).start("127.0.0.1", 0);
    }
}
