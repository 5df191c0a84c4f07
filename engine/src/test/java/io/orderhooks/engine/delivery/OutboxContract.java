package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link Outbox} does: claims with leases, reschedules, completes, and keeps the signed request exact. */
public abstract class OutboxContract {

    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** A new, empty outbox. */
    protected abstract Outbox outbox();

    protected static OutboxEntry entry(String body, Instant due) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-oc-hash", "c2lnbmF0dXJl");
        OutboundRequest request = new OutboundRequest("https://mw.example.com/webhooks/orders", "/orders",
                body.getBytes(StandardCharsets.UTF_8), headers);
        return OutboxEntry.of(Attempt.first(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "o1", request), due);
    }

    @Test
    void aClaimReturnsDueEntriesOldestFirstWithTheExactRequest() {
        Outbox box = outbox();
        OutboxEntry later = entry("{\"n\":2,\"é\":\"ü\"}", T0.plusSeconds(2));
        OutboxEntry first = entry("{\"n\":1}", T0.plusSeconds(1));
        box.add(later);
        box.add(first);
        box.add(entry("{\"n\":3}", T0.plusSeconds(60)));

        List<OutboxEntry> claimed = box.claim("a", T0.plusSeconds(5), LEASE, 10);

        assertThat(claimed).extracting(OutboxEntry::id).containsExactly(first.id(), later.id());
        OutboxEntry got = claimed.get(1);
        assertThat(got.request().body()).isEqualTo(later.request().body());
        assertThat(got.request().headers()).isEqualTo(later.request().headers());
        assertThat(got.request().url()).isEqualTo("https://mw.example.com/webhooks/orders");
        assertThat(got.request().path()).isEqualTo("/orders");
        assertThat(got).extracting(OutboxEntry::kind, OutboxEntry::subject, OutboxEntry::endpointID, OutboxEntry::orderID,
                OutboxEntry::number).containsExactly(DeliveryRecord.Kind.POST_WEBHOOK, "POST v1/orders", "wh1", "o1", 1);
        assertThat(got.due()).isEqualTo(T0.plusSeconds(2));
        assertThat(box.size()).isEqualTo(3);
        assertThat(box.nextDue()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aClaimedEntryIsNotClaimedAgainWhileItsLeaseHolds() {
        Outbox box = outbox();
        box.add(entry("{}", T0));
        assertThat(box.claim("a", T0, LEASE, 10)).hasSize(1);

        assertThat(box.claim("b", T0.plusSeconds(29), LEASE, 10)).isEmpty();
        assertThat(box.claim("a", T0.plusSeconds(29), LEASE, 10)).isEmpty();
    }

    @Test
    void anEntryWhoseLeaseEndedIsClaimedByAnotherOwnerAndTheOldOwnerCanNoLongerFinishIt() {
        Outbox box = outbox();
        OutboxEntry e = entry("{}", T0);
        box.add(e);
        box.claim("crashed", T0, LEASE, 10);

        assertThat(box.claim("b", T0.plusSeconds(30), LEASE, 10)).extracting(OutboxEntry::id).containsExactly(e.id());
        assertThat(box.complete(e.id(), "crashed")).isFalse();
        assertThat(box.reschedule(e.retry(2, T0.plusSeconds(40)), "crashed")).isFalse();
        assertThat(box.complete(e.id(), "b")).isTrue();
        assertThat(box.size()).isZero();
    }

    @Test
    void aRescheduledEntryWaitsForItsNextAttemptAndIsThenClaimedWithItsNumber() {
        Outbox box = outbox();
        OutboxEntry e = entry("{}", T0);
        box.add(e);
        box.claim("a", T0, LEASE, 10);

        assertThat(box.reschedule(e.retry(2, T0.plusSeconds(10)), "a")).isTrue();

        assertThat(box.nextDue()).isEqualTo(T0.plusSeconds(10));
        assertThat(box.claim("a", T0.plusSeconds(9), LEASE, 10)).isEmpty();
        assertThat(box.claim("b", T0.plusSeconds(10), LEASE, 10)).singleElement()
                .satisfies(got -> assertThat(got.number()).isEqualTo(2));
    }

    @Test
    void completingRemovesTheEntryAndOnlyItsHolderMayComplete() {
        Outbox box = outbox();
        OutboxEntry e = entry("{}", T0);
        box.add(e);
        box.claim("a", T0, LEASE, 10);

        assertThat(box.complete(e.id(), "b")).isFalse();
        assertThat(box.complete(e.id(), "a")).isTrue();
        assertThat(box.complete(e.id(), "a")).isFalse();
        assertThat(box.size()).isZero();
        assertThat(box.nextDue()).isNull();
        assertThat(box.claim("a", T0.plusSeconds(3600), LEASE, 10)).isEmpty();
    }

    @Test
    void aClaimTakesAtMostTheAskedNumber() {
        Outbox box = outbox();
        for (int i = 0; i < 5; i++) {
            box.add(entry("{\"i\":" + i + "}", T0.plusMillis(i)));
        }
        assertThat(box.claim("a", T0.plusSeconds(1), LEASE, 2)).hasSize(2);
        assertThat(box.claim("b", T0.plusSeconds(1), LEASE, 10)).hasSize(3);
    }
}
