package io.orderhooks.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.observe.DeliveryEvent;
import io.orderhooks.core.observe.EngineEvent;
import io.orderhooks.core.observe.ReceiverEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = PrometheusMetrics.create();

    @AfterEach
    void close() {
        metrics.close();
    }

    private String scrape() {
        RawResponse r = metrics.handle(new RawRequest("GET", "/", null, null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("Content-Type", PrometheusMetrics.CONTENT_TYPE);
        return r.bodyText();
    }

    @Test
    void receiverEventsBecomeRequestCountersHandlerHistogramsInFlightGaugesQueueDepthAndDeadLetters() {
        AtomicInteger queue = new AtomicInteger(3);
        metrics.on(new ReceiverEvent.QueueAttached(ReceiverEvent.WEBHOOKS, queue::get));
        for (int i = 0; i < 5; i++) {
            metrics.on(new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate"));
            metrics.on(new ReceiverEvent.HandlerFinished(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate", 2_000_000));
            metrics.on(new ReceiverEvent.Handled(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate",
                    ReceiverEvent.Outcome.ANSWERED, 200, 3_000_000));
        }
        metrics.on(new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate"));
        metrics.on(new ReceiverEvent.Handled(ReceiverEvent.INTEGRATION_EVENTS, "ordercalculate",
                ReceiverEvent.Outcome.SIGNATURE_REFUSED, 401, 10_000));
        metrics.on(new ReceiverEvent.DeadLettered(ReceiverEvent.WEBHOOKS, "PUT v1/buyers/{buyerID} (post)"));

        String text = scrape();

        assertThat(text).contains("orderhooks_receiver_requests_total{outcome=\"answered\",receiver=\"integration-events\",route=\"ordercalculate\"} 5")
                .contains("orderhooks_receiver_requests_total{outcome=\"signature_refused\",receiver=\"integration-events\",route=\"ordercalculate\"} 1")
                .contains("orderhooks_receiver_handler_duration_seconds_count{receiver=\"integration-events\",route=\"ordercalculate\"} 5")
                .contains("orderhooks_receiver_handler_duration_seconds_sum{receiver=\"integration-events\",route=\"ordercalculate\"} 0.01")
                .contains("orderhooks_receiver_handlers_active{receiver=\"integration-events\",route=\"ordercalculate\"} 1")
                .contains("orderhooks_receiver_queue_depth{receiver=\"webhooks\"} 3")
                .contains("orderhooks_receiver_dead_letters_total{receiver=\"webhooks\",route=\"PUT v1/buyers/{buyerID} (post)\"} 1")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void deliveryAndEngineEventsBecomeTheirMeters() {
        metrics.on(new DeliveryEvent.BreakerChanged("ie1", DeliveryEvent.BreakerState.CLOSED));
        metrics.on(new DeliveryEvent.Attempted("checkout", "ordercalculate", "ie1", DeliveryEvent.Outcome.DELIVERED, true, 5_000_000));
        metrics.on(new DeliveryEvent.Attempted("checkout", "ordercalculate", "ie1", DeliveryEvent.Outcome.TIMED_OUT, false, 9_000_000));
        metrics.on(new DeliveryEvent.Attempted("checkout", "ordercalculate", "ie1", DeliveryEvent.Outcome.BREAKER_OPEN, false, 0));
        metrics.on(new DeliveryEvent.BreakerChanged("ie1", DeliveryEvent.BreakerState.OPEN));
        metrics.on(new DeliveryEvent.DeadLettered("post_webhook", "wh1"));
        metrics.on(new DeliveryEvent.QueueAttached("post_webhook", () -> 7));
        metrics.on(new EngineEvent.OrderTransitioned(EngineEvent.Transition.SUBMITTED));
        metrics.on(new EngineEvent.CheckoutCalled("ordercalculate", DeliveryEvent.Outcome.DELIVERED, true));
        metrics.on(new EngineEvent.TokenIssued("password"));
        metrics.on(new EngineEvent.LoginFailed("password", "Auth.IncorrectPassword"));

        String text = scrape();

        assertThat(text).contains("orderhooks_delivery_attempts_total{endpoint=\"ie1\",kind=\"checkout\",outcome=\"delivered\"} 1")
                .contains("orderhooks_delivery_attempts_total{endpoint=\"ie1\",kind=\"checkout\",outcome=\"timed_out\"} 1")
                .contains("orderhooks_delivery_attempts_total{endpoint=\"ie1\",kind=\"checkout\",outcome=\"breaker_open\"} 1")
                .contains("orderhooks_delivery_duration_seconds_count{endpoint=\"ie1\",kind=\"checkout\"} 2")
                .contains("orderhooks_delivery_breaker_state{endpoint=\"ie1\"} 1")
                .contains("orderhooks_delivery_dead_letters_total{endpoint=\"wh1\",kind=\"post_webhook\"} 1")
                .contains("orderhooks_delivery_queue_depth{queue=\"post_webhook\"} 7")
                .contains("orderhooks_engine_orders_total{transition=\"submitted\"} 1")
                .contains("orderhooks_engine_checkout_calls_total{event=\"ordercalculate\",outcome=\"delivered\"} 1")
                .contains("orderhooks_engine_tokens_issued_total{grant=\"password\"} 1")
                .contains("orderhooks_engine_logins_failed_total{grant=\"password\",reason=\"Auth.IncorrectPassword\"} 1");
    }

    @Test
    void onlyGetAndHeadAreServed() {
        RawResponse post = metrics.handle(new RawRequest("POST", "/", null, null));
        RawResponse head = metrics.handle(new RawRequest("HEAD", "/", null, null));

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("Allow", "GET, HEAD");
        assertThat(post.bodyText()).contains("\"ErrorCode\":\"MethodNotAllowed\"")
                .contains("POST is not allowed on the metrics endpoint; use GET");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}
