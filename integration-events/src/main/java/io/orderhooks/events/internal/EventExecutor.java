package io.orderhooks.events.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderSubmitForApprovalResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.receiver.TimeBudget.Outcome;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.events.CheckoutEvent;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

/**
 * Runs one parsed event: the handler under its time limit, then (on an unexpected failure or a time-out) the
 * fallback if there is one, then validation and serialization of the answer. Never throws.
 */
final class EventExecutor {

    static final String TIMEOUT = "IntegrationEvent.Timeout";
    static final String INVALID_RESPONSE = "IntegrationEvent.InvalidResponse";

    private final TimeBudget budget;
    private final Logger log;
    private final Observer observer;

    EventExecutor(TimeBudget budget, Logger log, Observer observer) {
        this.budget = budget;
        this.log = log;
        this.observer = observer;
    }

    /**
     * Runs the event's handler and returns the answer. With {@code early} null the handler runs on the budget's
     * pool and this thread waits at most the limit. Otherwise it runs on this thread; if it overruns, the timer
     * builds the time-out answer (the fallback, run on the pool under its own limit, or 504) and sends it to
     * {@code early} at the limit; this returns that same answer once the handler has ended.
     */
    RawResponse execute(EventRoute route, CheckoutEvent event, CallInfo info, Answer early) {
        if (early == null) {
            return conclude(route, event, run(route, route.handler(), event), info);
        }
        String name = route.type().suffix();
        Observer.publish(observer, new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS, name));
        long start = System.nanoTime();
        TimeBudget.Inline<Object, RawResponse> inline;
        try {
            inline = budget.runHere(() -> route.handler().call(event), route.timeLimit(), limit -> {
                RawResponse late = conclude(route, event, new Outcome.TimedOut<>(limit), info);
                early.send(late);
                return late;
            });
        } finally {
            Observer.publish(observer, new ReceiverEvent.HandlerFinished(ReceiverEvent.INTEGRATION_EVENTS, name,
                    System.nanoTime() - start));
        }
        if (inline instanceof TimeBudget.Inline.Finished<Object, RawResponse> finished) {
            return conclude(route, event, finished.outcome(), info);
        }
        return ((TimeBudget.Inline.Expired<Object, RawResponse>) inline).answer();
    }

    /** The answer to the handler's outcome: its validated result, a refusal, the fallback's, or a failure. */
    private RawResponse conclude(EventRoute route, CheckoutEvent event, Outcome<Object> outcome, CallInfo info) {
        if (outcome instanceof Outcome.Completed<Object> done) {
            return answer(route, event, done.value(), "handler", info);
        }
        if (outcome instanceof Outcome.Failed<Object> failed && failed.cause() instanceof OrderCloudException refusal) {
            info.outcome = ReceiverEvent.Outcome.REFUSED;
            return RawResponse.error(refusal);
        }
        if (route.fallback() == null) {
            return failure(route, event, outcome, info);
        }
        String why = outcome instanceof Outcome.Failed<Object> f ? "failed (" + f.cause() + ")"
                : "did not answer within " + route.timeLimit().toMillis() + " ms";
        log.warn("{} handler for order {} {}; answering its fallback", route.type().suffix(), event.orderID(), why);
        Outcome<Object> fallback = run(route, route.fallback(), event);
        if (fallback instanceof Outcome.Completed<Object> done) {
            return answer(route, event, done.value(), "fallback", info);
        }
        if (fallback instanceof Outcome.Failed<Object> failed && failed.cause() instanceof OrderCloudException refusal) {
            info.outcome = ReceiverEvent.Outcome.REFUSED;
            return RawResponse.error(refusal);
        }
        return failure(route, event, fallback, info);
    }

    /** One handler run under the route's limit, told to the observer as in flight, then finished. */
    private Outcome<Object> run(EventRoute route, EventCall call, CheckoutEvent event) {
        String name = route.type().suffix();
        Observer.publish(observer, new ReceiverEvent.HandlerStarted(ReceiverEvent.INTEGRATION_EVENTS, name));
        long start = System.nanoTime();
        try {
            return budget.run(() -> call.call(event), route.timeLimit());
        } finally {
            Observer.publish(observer, new ReceiverEvent.HandlerFinished(ReceiverEvent.INTEGRATION_EVENTS, name,
                    System.nanoTime() - start));
        }
    }

    private RawResponse failure(EventRoute route, CheckoutEvent event, Outcome<Object> outcome, CallInfo info) {
        if (outcome instanceof Outcome.TimedOut<Object> timedOut) {
            info.outcome = ReceiverEvent.Outcome.TIMED_OUT;
            return timeout(route.type(), timedOut.limit());
        }
        info.outcome = ReceiverEvent.Outcome.FAILED;
        Throwable cause = ((Outcome.Failed<Object>) outcome).cause();
        return ReceiverErrors.internal(log, route.type().suffix() + " handler for order " + event.orderID(), cause);
    }

    private RawResponse answer(EventRoute route, CheckoutEvent event, Object value, String source, CallInfo info) {
        Object answer = value == null ? emptyAnswer(route.type()) : value;
        info.outcome = ReceiverEvent.Outcome.INVALID_ANSWER;
        if (answer == null) {
            return invalid(route, event, source, List.of("the " + source + " returned no response (null)"));
        }
        List<String> violations = ResponseValidator.violations(answer, event.worksheet(), event.orderReturn());
        if (!violations.isEmpty()) {
            return invalid(route, event, source, violations);
        }
        info.outcome = "handler".equals(source) ? ReceiverEvent.Outcome.ANSWERED : ReceiverEvent.Outcome.FALLBACK_USED;
        return RawResponse.json(200, answer);
    }

    private RawResponse invalid(EventRoute route, CheckoutEvent event, String source, List<String> violations) {
        String message = "The " + route.type().suffix() + " " + source + " returned an invalid response for order "
                + event.orderID() + " (" + violations.size() + (violations.size() == 1 ? " violation" : " violations")
                + "): " + String.join("; ", violations);
        log.error(message);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode list = data.putArray("Violations");
        violations.forEach(list::add);
        return RawResponse.error(new OrderCloudException(500, INVALID_RESPONSE, message, data));
    }

    static RawResponse timeout(CheckoutEventType type, Duration limit) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("TimeLimitMillis", limit.toMillis());
        return RawResponse.error(new OrderCloudException(504, TIMEOUT,
                "The " + type.suffix() + " handler did not answer within its time limit of " + limit.toMillis() + " ms",
                data));
    }

    /** Submit-type handlers may return null for "nothing to add"; the others must answer. */
    private static Object emptyAnswer(CheckoutEventType type) {
        return switch (type) {
            case ORDER_SUBMIT -> new OrderSubmitResponse(null, null, null, null);
            case ORDER_SUBMIT_FOR_APPROVAL -> new OrderSubmitForApprovalResponse(null, null, null, null);
            case ORDER_APPROVED -> new OrderApprovedResponse(null, null, null, null);
            default -> null;
        };
    }
}
