package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookTestClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher in memory: the cases the HTTP acceptance test does not need a socket for. */
class WebhooksDispatcherTest {

    final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    final AtomicInteger runs = new AtomicInteger();
    final CountDownLatch never = new CountDownLatch(1);
    /** Generous for handlers that return at once (a cold JVM on a loaded machine); the overrun case has its own. */
    final WebhooksDispatcher dispatcher = dispatcher(Duration.ofSeconds(5));
    final WebhookTestClient client = WebhookTestClient.signed(dispatcher, "k");

    WebhooksDispatcher dispatcher(Duration postTimeLimit) {
        return WebhooksDispatcher.builder().hashKeys("k").clock(clock)
            .dedupeRetention(Duration.ofHours(1)).postTimeLimit(postTimeLimit)
            .postHook("POST", "v1/orders/{direction}/{orderID}/submit", e -> runs.incrementAndGet())
            .postHook("POST", "v1/orders/{direction}/{orderID}/approve", e -> {
                runs.incrementAndGet();
                throw new OrderCloudException(409, "Export.Conflict", "Order " + e.routeParam("orderID") + " is locked");
            })
            .postHook("POST", "v1/orders/{direction}/{orderID}/decline", e -> never.await())
            .preHook("POST", "v1/products", e -> null)
            .preHook("PUT", "v1/products/{productID}", e -> {
                throw new OrderCloudException(400, "Product.InvalidPrice", "Price must be positive");
            })
            .build();
    }

    @AfterEach
    void close() {
        never.countDown();
        dispatcher.close();
    }

    static byte[] order(String action, String logId) {
        return WebhookPayloads.forRoute("v1/orders/{direction}/{orderID}/" + action, "POST")
                .param("direction", "Incoming").param("orderID", "o1").logId(logId).toBytes();
    }

    @Test
    void aLogIdIsHandledAgainOnceItsRetentionHasPassed() {
        client.post(order("submit", "log-r"));
        client.post(order("submit", "log-r"));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        client.post(order("submit", "log-r"));

        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aPayloadWithoutLogIdIsNeverDeduplicated() {
        client.post(order("submit", null));
        client.post(order("submit", null));

        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aPostHookRefusalKeepsItsStatusAndCodeAndIsNotRemembered() {
        RawResponse first = client.send(order("approve", "log-a"));
        RawResponse second = client.send(order("approve", "log-a"));

        assertThat(first.status()).isEqualTo(409);
        assertThat(first.bodyText()).isEqualTo(
                "{\"Errors\":[{\"ErrorCode\":\"Export.Conflict\",\"Message\":\"Order o1 is locked\",\"Data\":null}]}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aPostHookOverrunningItsLimitIs500() throws Exception {
        RawResponse response;
        try (WebhooksDispatcher strict = dispatcher(Duration.ofMillis(100))) {
            response = WebhookTestClient.signed(strict, "k").send(order("decline", "log-d"));
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(OrderCloudJson.mapper().readTree(response.body()).at("/Errors/0/ErrorCode").asText()).isEqualTo("ServerError");
    }

    @Test
    void aPreHookAnsweringNullIsBlockedAsAFailure() {
        PreWebhookResponse answer = client.pre(WebhookPayloads.forRoute("v1/products", "POST").build());

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().get("ErrorCode").asText()).isEqualTo("Webhook.HandlerFailed");
        assertThat(answer.body().get("Message").asText()).startsWith("The pre-webhook handler returned no answer; quote correlation id ");
    }

    @Test
    void aPreHookThrowingAnOrderCloudErrorBlocksWithThatError() {
        PreWebhookResponse answer = client.pre(WebhookPayloads.forRoute("v1/products/{productID}", "PUT")
                .param("productID", "p1").build());

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().get("ErrorCode").asText()).isEqualTo("Product.InvalidPrice");
        assertThat(answer.body().get("Message").asText()).isEqualTo("Price must be positive");
        assertThat(answer.body().get("Data").get("CorrelationID").asText()).isNotBlank();
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        RawResponse response = client.send(new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(OrderCloudJson.mapper().readTree(response.body()).at("/Errors/0/ErrorCode").asText())
                .isEqualTo("Request.InvalidJson");
    }
}
