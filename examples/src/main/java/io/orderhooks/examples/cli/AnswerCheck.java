package io.orderhooks.examples.cli;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.senders.webhooks.internal.PreHooks;
import io.orderhooks.engine.spi.CheckoutResponses;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.events.internal.ResponseValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks {@code orderhooks trigger} runs on an answer, the engine's own: an answer must arrive within the
 * time limit with a 2xx status; a checkout answer must be a JSON object of the event's response type
 * ({@link CheckoutResponses#problem}) and keep OrderCloud's rules (every line covered by a ship estimate, no
 * negative totals: {@link ResponseValidator}); a pre-webhook reply needs a boolean {@code proceed}
 * ({@link PreHooks#problem}). Each violation is named in plain words.
 */
final class AnswerCheck {

    private AnswerCheck() {}

    /** Why the engine would refuse {@code outcome} as the answer to {@code payload}; empty when it would accept it. */
    static List<String> violations(TriggerPayload payload, boolean preHook, DeliveryOutcome outcome) {
        if (!(outcome instanceof DeliveryOutcome.Delivered delivered)) {
            return List.of(outcome.describe());
        }
        byte[] body = delivered.body();
        if (payload.event() == null) {
            return preHook ? PreHooks.problem(body).map(List::of).orElse(List.of()) : List.of();
        }
        Optional<String> malformed = CheckoutResponses.problem(payload.event(), body);
        if (malformed.isPresent()) {
            return List.of(malformed.get());
        }
        List<String> problems = new ArrayList<>();
        try {
            Object answer = body.length == 0 ? null
                    : OrderCloudJson.mapper().readValue(body, CheckoutResponses.responseType(payload.event()));
            if (answer != null) {
                problems.addAll(ResponseValidator.violations(answer, payload.worksheet()));
            }
        } catch (IOException e) {
            problems.add("Malformed JSON in the response to /" + payload.event().suffix() + ": " + e.getMessage());
        }
        return problems;
    }
}
