package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.core.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RedeliveriesTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final byte[] BODY = "{\"ID\":\"o1\"}".getBytes(StandardCharsets.UTF_8);

    /** A test endpoint: its ID and the URL it is currently at. */
    record Hook(String id, String url) {}

    private final AtomicInteger status = new AtomicInteger(500);
    private final Deliverer deliverer = Deliverer.builder()
            .transport((request, limit) -> status.get() < 300
                    ? new DeliveryOutcome.Delivered(status.get(), new byte[0], Duration.ZERO)
                    : new DeliveryOutcome.Rejected(status.get(), new byte[0], Duration.ZERO))
            .log(new InMemoryDeliveryLog())
            .clock(MutableClock.at("2026-01-01T00:00:00Z"))
            .ids(idSequence())
            .build();
    private final List<String> resentTo = new ArrayList<>();
    private final Redeliveries<Hook> redeliveries = new Redeliveries<>(deliverer, DeliveryRecord.Kind.POST_WEBHOOK,
            "Webhook", "webhook", Hook::id, (record, hook) -> {
                resentTo.add(hook.url());
                return deliverer.send(attempt(hook, record.requestBody()).withRedeliveryOf(record.id()), LIMIT);
            });

    private static Supplier<String> idSequence() {
        AtomicInteger n = new AtomicInteger();
        return () -> "dlv-" + n.incrementAndGet();
    }

    private static Attempt attempt(Hook hook, byte[] body) {
        return Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", hook.id(), "o1",
                OutboundRequest.signed(hook.url(), "/hook", body, null, null, null, null)).withFinalAttempt(true);
    }

    private DeliveryRecord deliveryTo(Hook hook) {
        redeliveries.remember(hook);
        return deliverer.send(attempt(hook, BODY), LIMIT).record();
    }

    private static void fails(ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void resendsAFailedRecordToTheEndpointLastRememberedUnderItsID() {
        DeliveryRecord failed = deliveryTo(new Hook("wh1", "https://old.example/hook"));
        redeliveries.remember(new Hook("wh1", "https://new.example/hook"));
        status.set(200);

        Redelivery.Result result = redeliveries.redeliver(failed.id());

        assertThat(resentTo).containsExactly("https://new.example/hook");
        assertThat(result.outcome()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(result.record().redeliveryOf()).isEqualTo(failed.id());
        assertThat(result.record().requestBody()).isEqualTo(BODY);
    }

    @Test
    void resendsToAGivenEndpointAndRemembersItForLaterRedeliveries() {
        DeliveryRecord failed = deliveryTo(new Hook("wh1", "https://old.example/hook"));

        redeliveries.redeliver(failed.id(), new Hook("wh1", "https://moved.example/hook"));
        redeliveries.redeliver(failed.id());

        assertThat(resentTo).containsExactly("https://moved.example/hook", "https://moved.example/hook");
    }

    @Test
    void refusesAnEndpointOtherThanTheOneTheRecordWasMadeTo() {
        DeliveryRecord failed = deliveryTo(new Hook("wh1", "https://a.example/hook"));

        fails(() -> redeliveries.redeliver(failed.id(), new Hook("wh2", "https://b.example/hook")), 400,
                "Delivery.EndpointMismatch", "Delivery " + failed.id() + " was made to webhook wh1, not wh2");
        assertThat(resentTo).isEmpty();
    }

    @Test
    void answersNotFoundForAnUnknownRecordOrAnEndpointNeverSeen() {
        fails(() -> redeliveries.redeliver("dlv-missing"), 404, "NotFound", "DeliveryRecord not found: dlv-missing");
        DeliveryRecord orphan = deliverer.send(attempt(new Hook("wh9", "https://x.example/hook"), BODY), LIMIT)
                .record();

        fails(() -> redeliveries.redeliver(orphan.id()), 404, "NotFound", "Webhook not found: wh9");
        assertThat(resentTo).isEmpty();
    }

    @Test
    void refusesASucceededRecord() {
        status.set(200);
        DeliveryRecord delivered = deliveryTo(new Hook("wh1", "https://a.example/hook"));

        fails(() -> redeliveries.redeliver(delivered.id()), 400, "Delivery.NotRedeliverable", "Delivery "
                + delivered.id() + " (POST_WEBHOOK POST v1/orders, succeeded) cannot be redelivered here: only a failed"
                + " ordersubmit or post-webhook can");
        assertThat(resentTo).isEmpty();
    }
}
