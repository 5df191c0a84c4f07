package io.orderhooks.webhooks.internal;

import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.webhooks.WebhookEvent;
import java.time.Duration;

/** Runs a post-webhook handler once under its time limit. */
final class PostAttempt {

    private final TimeBudget budget;
    private final Duration timeLimit;

    PostAttempt(TimeBudget budget, Duration timeLimit) {
        this.budget = budget;
        this.timeLimit = timeLimit;
    }

    TimeBudget.Outcome<Object> run(Registration hook, WebhookEvent event) {
        return budget.run(() -> {
            hook.post().after(event);
            return Boolean.TRUE;
        }, timeLimit);
    }

    /** Null for success, otherwise {@code Type: message} of the failure. */
    static String describe(TimeBudget.Outcome<Object> outcome) {
        if (outcome instanceof TimeBudget.Outcome.Failed<Object> failed) {
            Throwable c = failed.cause();
            return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
        }
        if (outcome instanceof TimeBudget.Outcome.TimedOut<Object> late) {
            return "TimeoutException: the handler did not finish within " + late.limit().toMillis() + " ms";
        }
        return null;
    }
}
