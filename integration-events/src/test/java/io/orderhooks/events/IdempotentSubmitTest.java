package io.orderhooks.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.events.testkit.TestDispatcherClient;
import io.orderhooks.events.testkit.Worksheets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotentSubmitTest {

    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger approvals = new AtomicInteger();
    final AtomicInteger forApproval = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean failNext;
    volatile boolean block;
    final CountDownLatch arrivals = new CountDownLatch(2);
    final InMemoryIdempotencyStore memory = new InMemoryIdempotencyStore(MutableClock.at("2026-01-15T10:00:00Z"));
    final IdempotencyStore store = (key, action, remember) -> {
        arrivals.countDown();
        return memory.execute(key, action, remember);
    };

    final IntegrationEventsDispatcher dispatcher = IntegrationEventsDispatcher.builder().hashKeys("k").idempotencyStore(store)
            .orderSubmit(e -> {
                int n = submits.incrementAndGet();
                if (block) {
                    entered.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                if (failNext) {
                    failNext = false;
                    throw new IllegalStateException("ERP unavailable");
                }
                return new OrderSubmitResponse(null, null, JsonNodeFactory.instance.objectNode().put("ExportRun", n), null);
            })
            .orderApproved(e -> new OrderApprovedResponse(null, null,
                    JsonNodeFactory.instance.objectNode().put("Approvals", approvals.incrementAndGet()), null))
            .orderSubmitForApproval(e -> {
                forApproval.incrementAndGet();
                return null;
            })
            .build();
    final TestDispatcherClient client = TestDispatcherClient.of(dispatcher, "k");
    final OrderWorksheet worksheet = Worksheets.order("o1").line("SHIRT", 2, "12.00").build();

    @AfterEach
    void close() {
        release.countDown();
        dispatcher.close();
    }

    @Test
    void answersARepeatedSubmitWithTheFirstResponseWithoutRunningTheHandlerAgain() {
        RawResponse first = client.send(CheckoutEventType.ORDER_SUBMIT, worksheet);
        RawResponse second = client.send(CheckoutEventType.ORDER_SUBMIT, worksheet);

        assertThat(submits).hasValue(1);
        assertThat(second.bodyText()).isEqualTo(first.bodyText()).contains("\"ExportRun\":1");
        assertThat(second.headers()).containsEntry("X-Idempotent-Replay", "true");
        assertThat(first.headers()).doesNotContainKey("X-Idempotent-Replay");
    }

    @Test
    void runsTheHandlerOnceWhenTwoCopiesArriveConcurrently() throws Exception {
        block = true;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RawResponse> first = pool.submit(() -> client.send(CheckoutEventType.ORDER_SUBMIT, worksheet));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<RawResponse> second = pool.submit(() -> client.send(CheckoutEventType.ORDER_SUBMIT, worksheet));
            List<Future<RawResponse>> both = new ArrayList<>(List.of(first, second));
            assertThat(arrivals.await(10, TimeUnit.SECONDS)).as("both copies reached the store").isTrue();
            release.countDown();

            assertThat(both.get(0).get(10, TimeUnit.SECONDS).bodyText()).isEqualTo(both.get(1).get(10, TimeUnit.SECONDS).bodyText());
            assertThat(submits).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsTheHandlerAgainAfterAFailedSubmit() {
        failNext = true;
        assertThat(client.send(CheckoutEventType.ORDER_SUBMIT, worksheet).status()).isEqualTo(500);

        OrderSubmitResponse retried = client.submit(worksheet);

        assertThat(submits).hasValue(2);
        assertThat(retried.xp().get("ExportRun").asInt()).isEqualTo(2);
    }

    @Test
    void keysSubmitAndApprovalSeparatelyAndByOrder() {
        client.submit(worksheet);
        client.approved(worksheet);
        client.approved(worksheet);
        client.submit(Worksheets.order("o2").line("SHIRT", 1, "12.00").build());

        assertThat(submits).hasValue(2);
        assertThat(approvals).hasValue(1);
    }

    @Test
    void doesNotDeduplicateSubmitForApprovalWhichMayRecurAfterADecline() {
        assertThat(client.send(CheckoutEventType.ORDER_SUBMIT_FOR_APPROVAL, worksheet).bodyText())
                .isEqualTo("{\"HttpStatusCode\":null,\"UnhandledErrorBody\":null,\"xp\":null,\"Succeeded\":null}");
        client.submitForApproval(worksheet);

        assertThat(forApproval).hasValue(2);
    }
}
