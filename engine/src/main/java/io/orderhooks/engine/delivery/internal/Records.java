package io.orderhooks.engine.delivery.internal;

import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.delivery.Attempt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Builds delivery records from attempts and outcomes. */
public final class Records {

    static final String TRUNCATED = "...[truncated]";

    private Records() {}

    public static DeliveryRecord of(String id, Attempt attempt, DeliveryOutcome outcome, Instant at, int bodyChars) {
        byte[] responseBody = null;
        if (outcome instanceof DeliveryOutcome.Delivered d) {
            responseBody = d.body();
        } else if (outcome instanceof DeliveryOutcome.Rejected r) {
            responseBody = r.body();
        }
        String error = null;
        if (!outcome.succeeded()) {
            error = outcome.describe();
        } else {
            Optional<String> problem = attempt.replyCheck().apply(responseBody);
            error = problem.orElse(null);
        }
        boolean succeeded = error == null;
        return base(id, attempt, at)
                .outcome(DeliveryRecord.OutcomeKind.of(outcome))
                .httpStatus(outcome.httpStatus())
                .latencyMillis(outcome.latency().toMillis())
                .succeeded(succeeded)
                .responseBody(responseBody == null ? null : truncate(responseBody, bodyChars))
                .error(error)
                .deadLetter(!succeeded && attempt.finalAttempt())
                .build();
    }

    public static DeliveryRecord notAttempted(String id, Attempt attempt, String reason, Instant at) {
        return base(id, attempt, at)
                .outcome(DeliveryRecord.OutcomeKind.NOT_ATTEMPTED)
                .succeeded(false)
                .error(reason)
                .deadLetter(true)
                .build();
    }

    private static DeliveryRecord.Builder base(String id, Attempt attempt, Instant at) {
        return DeliveryRecord.builder()
                .id(id)
                .kind(attempt.kind())
                .subject(attempt.subject())
                .endpointID(attempt.endpointID())
                .url(attempt.request().url())
                .orderID(attempt.orderID())
                .attempt(attempt.number())
                .requestBody(attempt.request().body())
                .idempotencyKey(attempt.idempotencyKey())
                .redeliveryOf(attempt.redeliveryOf())
                .timestamp(at);
    }

    static String truncate(byte[] body, int maxChars) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + TRUNCATED;
    }
}
