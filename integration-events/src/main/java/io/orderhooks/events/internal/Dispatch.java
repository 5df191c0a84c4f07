package io.orderhooks.events.internal;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.CheckoutEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * The dispatcher's request pipeline, in this order: route (404), method (405), {@link RequestGuard} (413, 415,
 * 401 over the raw bytes), parse (400), de-duplicate submits, run the handler ({@link EventExecutor}), log.
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

    public Dispatch(Map<CheckoutEventType, EventRoute> routes, RequestGuard guard, IdempotencyStore store,
            TimeBudget budget, Clock clock, Logger log) {
        this.routes = Map.copyOf(routes);
        this.guard = guard;
        this.store = store;
        this.executor = new EventExecutor(budget, log);
        this.clock = clock;
        this.log = log;
    }

    /** What one call turned out to be, for the log line. */
    private static final class CallInfo {
        String event = "-";
        String orderID = "-";
        boolean replayed;
    }

    @Override
    public RawResponse handle(RawRequest request) {
        Instant start = clock.instant();
        CallInfo info = new CallInfo();
        RawResponse response;
        try {
            response = route(request, info);
        } catch (RuntimeException e) {
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

    private RawResponse route(RawRequest request, CallInfo info) {
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
            return refused.get();
        }
        CheckoutPayload payload;
        try {
            payload = PayloadParser.parse(request.body());
        } catch (OrderCloudException e) {
            return RawResponse.error(e);
        }
        CheckoutEvent event = CheckoutEvent.of(route.type(), payload);
        info.orderID = event.orderID();
        if (!route.idempotent()) {
            return executor.execute(route, event);
        }
        AtomicBoolean ran = new AtomicBoolean();
        RawResponse response = store.execute(route.type().suffix() + ":" + event.orderID(), () -> {
            ran.set(true);
            return executor.execute(route, event);
        }, IdempotencyStore::successful);
        info.replayed = !ran.get();
        return info.replayed ? response.withHeader(REPLAY_HEADER, "true") : response;
    }
}
