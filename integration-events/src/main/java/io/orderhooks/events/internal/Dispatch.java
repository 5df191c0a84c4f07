package io.orderhooks.events.internal;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.OnceAnswer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.events.CheckoutEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * The dispatcher's request pipeline, in this order: trace ({@code traceparent} into the MDC), route (404), method
 * (405), {@link RequestGuard} (413, 415, 401 over the raw bytes), parse (400), de-duplicate submits, run the handler
 * ({@link EventExecutor}), log, tell the observer how the request ended.
 */
public final class Dispatch implements RawHandler {

    /** Marks an answer replayed from the idempotency store. */
    public static final String REPLAY_HEADER = "X-Idempotent-Replay";

    private final Map<CheckoutEventType, EventRoute> routes;
    private final RequestGuard guard;
    private final IdempotencyStore store;
    private final EventExecutor executor;
    private final Clock clock;
    private final Logger log;
    private final Observer observer;

    public Dispatch(Map<CheckoutEventType, EventRoute> routes, RequestGuard guard, IdempotencyStore store,
            TimeBudget budget, Clock clock, Logger log, Observer observer) {
        this.routes = Map.copyOf(routes);
        this.guard = guard;
        this.store = store;
        this.executor = new EventExecutor(budget, log, observer);
        this.clock = clock;
        this.log = log;
        this.observer = observer;
    }

    @Override
    public RawResponse handle(RawRequest request) {
        return serve(request, null);
    }

    /** Runs the handler on this thread; a time-out answer is sent from the timer at the limit (see EventExecutor). */
    @Override
    public void handle(RawRequest request, Answer answer) {
        OnceAnswer once = new OnceAnswer(answer);
        once.send(serve(request, once));
    }

    private RawResponse serve(RawRequest request, Answer early) {
        long startNanos = System.nanoTime();
        try (Traces.Scope trace = Traces.begin(request.header(TraceParent.HEADER),
                request.header(Traces.CORRELATION_HEADER))) {
            CallInfo info = new CallInfo(trace);
            RawResponse response = handleTraced(request, info, early);
            Observer.publish(observer, new ReceiverEvent.Handled(ReceiverEvent.INTEGRATION_EVENTS, info.event,
                    info.outcome, response.status(), System.nanoTime() - startNanos));
            return response;
        }
    }

    private RawResponse handleTraced(RawRequest request, CallInfo info, Answer early) {
        Instant start = clock.instant();
        RawResponse response;
        try {
            response = route(request, info, early);
        } catch (RuntimeException e) {
            info.outcome = ReceiverEvent.Outcome.FAILED;
            response = ReceiverErrors.internal(log, request.method() + " " + request.path(), e);
        }
        boolean failed = response.status() >= 500;
        if (failed ? log.isWarnEnabled() : log.isInfoEnabled()) {
            long millis = Duration.between(start, clock.instant()).toMillis();
            String line = "integration event {} order={} status={} durationMs={}{}";
            Object[] args = {info.event, info.orderID, response.status(), millis, info.replayed ? " (replayed)" : ""};
            if (failed) {
                log.warn(line, args);
            } else {
                log.info(line, args);
            }
        }
        return response;
    }

    /** {@code path} without one trailing slash. */
    public static String normalize(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private RawResponse route(RawRequest request, CallInfo info, Answer early) {
        String path = normalize(request.path());
        EventRoute route = CheckoutEventType.fromSuffix(path).map(routes::get).orElse(null);
        if (route == null) {
            return ReceiverErrors.notFound(request.path());
        }
        info.event = route.type().suffix();
        if (!"POST".equalsIgnoreCase(request.method())) {
            return ReceiverErrors.methodNotAllowed(request.method(), request.path());
        }
        Optional<RawResponse> refused = guard.check(request, route.signature());
        if (refused.isPresent()) {
            info.outcome = refused.get().status() == 401 ? ReceiverEvent.Outcome.SIGNATURE_REFUSED
                    : ReceiverEvent.Outcome.BAD_REQUEST;
            return refused.get();
        }
        CheckoutPayload payload;
        try {
            payload = PayloadParser.parse(request.body(), route.type());
        } catch (OrderCloudException e) {
            return RawResponse.error(e);
        }
        CheckoutEvent event = CheckoutEvent.of(route.type(), payload);
        info.orderID = event.orderID();
        info.trace.put(Traces.ORDER_ID, event.orderID());
        if (!route.idempotent()) {
            return executor.execute(route, event, info, early);
        }
        AtomicBoolean ran = new AtomicBoolean();
        RawResponse response = store.execute(route.type().suffix() + ":" + event.orderID(), () -> {
            ran.set(true);
            return executor.execute(route, event, info, early);
        }, IdempotencyStore::successful);
        info.replayed = !ran.get();
        if (info.replayed) {
            info.outcome = ReceiverEvent.Outcome.DUPLICATE;
        }
        return info.replayed ? response.withHeader(REPLAY_HEADER, "true") : response;
    }
}
