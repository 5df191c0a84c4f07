package io.orderhooks.webhooks;

import java.time.Instant;

/**
 * A post-webhook delivery whose retries were exhausted, kept so it can be inspected and re-run with
 * {@link PostQueue#redrive(String)}.
 *
 * @param id this dead letter's own ID (a delivery without {@code LogID} still has one)
 * @param logId OrderCloud's {@code LogID}, or null
 * @param verb the payload's {@code Verb}
 * @param route the payload's {@code Route}
 * @param attempts how many times the handler ran
 * @param lastError the last failure, as {@code ExceptionType: message}
 * @param failedAt when the last attempt failed, on the dispatcher's clock
 * @param payload the exact payload JSON as received
 */
public record DeadLetter(String id, String logId, String verb, String route, int attempts, String lastError,
        Instant failedAt, String payload) {}
