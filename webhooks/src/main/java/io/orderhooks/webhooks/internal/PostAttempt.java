package io.orderhooks.webhooks.internal;

import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.webhooks.WebhookEvent;
import java.time.Duration;
import java.util.function.Supplier;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;

/** Runs a post-webhook handler once under its time limit. */
final class PostAttempt {

    private final TimeBudget budget;
    private final Duration timeLimit;
    private final Observer observer;

    PostAttempt(TimeBudget budget, Duration timeLimit, Observer observer) {
        this.budget = budget;
        this.timeLimit = timeLimit;
        this.observer = observer;
    }

    TimeBudget.Outcome<Object> run(Registration hook, WebhookEvent event) {
        return observed(observer, hook, () -> budget.run(() -> {
            hook.post().after(event);
            return Boolean.TRUE;
        }, timeLimit));
    }

    /** Runs {@code run}, told to {@code observer} as a handler of {@code hook} in flight, then finished. */
    static <T> T observed(Observer observer, Registration hook, Supplier<T> run) {
        String route = hook.metricRoute();
        Observer.publish(observer, new ReceiverEvent.HandlerStarted(ReceiverEvent.WEBHOOKS, route));
        long start = System.nanoTime();
        try {
            return run.get();
        } finally {
            Observer.publish(observer, new ReceiverEvent.HandlerFinished(ReceiverEvent.WEBHOOKS, route,
                    System.nanoTime() - start));
        }
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
