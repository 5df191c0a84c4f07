package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.DeliveryRecord.Kind;
import io.orderhooks.engine.spi.DeliveryRecord.OutcomeKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDeliveryLogTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static DeliveryRecord record(String id, Kind kind, String subject, String endpoint, String order,
            OutcomeKind outcome, boolean succeeded, int minute) {
        return DeliveryRecord.builder().id(id).kind(kind).subject(subject).endpointID(endpoint).orderID(order)
                .url("http://x/" + subject).outcome(outcome).succeeded(succeeded).deadLetter(!succeeded && kind == Kind.POST_WEBHOOK)
                .timestamp(T0.plusSeconds(60L * minute)).build();
    }

    private InMemoryDeliveryLog filled() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog();
        log.append(record("a", Kind.CHECKOUT, "ordercalculate", "ie1", "o1", OutcomeKind.DELIVERED, true, 0));
        log.append(record("b", Kind.CHECKOUT, "ordersubmit", "ie1", "o1", OutcomeKind.TIMED_OUT, false, 1));
        log.append(record("c", Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "o2", OutcomeKind.REJECTED, false, 2));
        log.append(record("d", Kind.PRE_WEBHOOK, "PUT v1/buyers", "wh2", null, OutcomeKind.UNREACHABLE, false, 3));
        return log;
    }

    @Test
    void listsNewestFirst() {
        assertThat(filled().list(Query.ALL)).extracting(DeliveryRecord::id).containsExactly("d", "c", "b", "a");
    }

    @Test
    void filtersByKindEndpointOrderOutcomeAndTimeRange() {
        InMemoryDeliveryLog log = filled();
        assertThat(log.list(Query.ALL.withKind(Kind.CHECKOUT))).extracting(DeliveryRecord::id).containsExactly("b", "a");
        assertThat(log.list(Query.ALL.withEndpointID("wh1"))).extracting(DeliveryRecord::id).containsExactly("c");
        assertThat(log.list(Query.ALL.withOrderID("o1").withSucceeded(false))).extracting(DeliveryRecord::id).containsExactly("b");
        assertThat(log.list(Query.ALL.withOutcome(OutcomeKind.UNREACHABLE))).extracting(DeliveryRecord::id).containsExactly("d");
        assertThat(log.list(Query.ALL.between(T0.plusSeconds(60), T0.plusSeconds(180))))
                .extracting(DeliveryRecord::id).containsExactly("c", "b");
        assertThat(log.list(Query.ALL.withDeadLetter(true))).extracting(DeliveryRecord::id).containsExactly("c");
    }

    @Test
    void onlyFailedSubmitsAndPostWebhooksAreRedeliverable() {
        assertThat(filled().list(Query.ALL.redeliverable())).extracting(DeliveryRecord::id).containsExactly("c", "b");
    }

    @Test
    void dropsTheOldestRecordsBeyondItsCapacity() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog(2);
        log.append(record("a", Kind.CHECKOUT, "ordercalculate", "ie1", "o1", OutcomeKind.DELIVERED, true, 0));
        log.append(record("b", Kind.CHECKOUT, "ordercalculate", "ie1", "o1", OutcomeKind.DELIVERED, true, 1));
        log.append(record("c", Kind.CHECKOUT, "ordercalculate", "ie1", "o1", OutcomeKind.DELIVERED, true, 2));

        assertThat(log.list(Query.ALL)).extracting(DeliveryRecord::id).containsExactly("c", "b");
        assertThat(log.find("a")).isEmpty();
        assertThat(log.find("b")).isPresent();
    }

    @Test
    void dropsTheOldestRecordsWhenTheirBodiesExceedTheByteBound() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog(100, 250);
        log.append(withBodies("a", 100, 0));
        log.append(withBodies("b", 60, 40));
        assertThat(log.bodyBytes()).isEqualTo(200);

        log.append(withBodies("c", 90, 0));

        assertThat(log.list(Query.ALL)).extracting(DeliveryRecord::id).containsExactly("c", "b");
        assertThat(log.find("a")).isEmpty();
        assertThat(log.bodyBytes()).isEqualTo(190);
    }

    @Test
    void keepsTheNewestRecordEvenWhenItAloneExceedsTheByteBound() {
        InMemoryDeliveryLog log = new InMemoryDeliveryLog(100, 50);
        log.append(withBodies("a", 10, 0));
        log.append(withBodies("b", 80, 0));

        assertThat(log.list(Query.ALL)).extracting(DeliveryRecord::id).containsExactly("b");
        assertThat(log.bodyBytes()).isEqualTo(80);
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new InMemoryDeliveryLog(10, 0)).hasMessage("maxBodyBytes must be at least 1, was 0");
        assertThatThrownBy(() -> new InMemoryDeliveryLog(0)).hasMessage("capacity must be at least 1, was 0");
    }

    private static DeliveryRecord withBodies(String id, int requestBytes, int responseChars) {
        return DeliveryRecord.builder().id(id).kind(Kind.CHECKOUT).subject("ordercalculate").endpointID("ie1")
                .url("http://x/ordercalculate").outcome(OutcomeKind.DELIVERED).succeeded(true).timestamp(T0)
                .requestBody(new byte[requestBytes]).responseBody(responseChars == 0 ? null : "x".repeat(responseChars))
                .build();
    }

    @Test
    void refusesADuplicateIDAndAnInvertedRange() {
        InMemoryDeliveryLog log = filled();
        assertThatThrownBy(() -> log.append(record("a", Kind.CHECKOUT, "x", "ie1", null, OutcomeKind.DELIVERED, true, 9)))
                .hasMessage("a record with ID a is already logged");
        assertThatThrownBy(() -> Query.ALL.between(T0.plusSeconds(1), T0))
                .hasMessage("to (2026-01-01T00:00:00Z) is before from (2026-01-01T00:00:01Z)");
    }
}
