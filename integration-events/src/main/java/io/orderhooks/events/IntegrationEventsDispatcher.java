package io.orderhooks.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.events.internal.Dispatch;
import io.orderhooks.events.internal.EventRoute;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-agnostic receiver for OrderCloud's checkout integration events: {@code (method, path,
 * headers, body bytes) -> (status, headers, body bytes)} for the paths {@code /shippingrates},
 * {@code /ordercalculate}, {@code /ordersubmit}, {@code /ordersubmitforapproval} and {@code /orderapproved}.
 *
 * <p>Each request goes through, in order: unknown path 404, method other than POST 405, body over the limit
 * 413, non-JSON content type 415, {@code X-oc-hash} over the exact bytes 401, malformed payload 400, then
 * the handler under its time limit (504 {@code IntegrationEvent.Timeout}, or the fallback), validation of
 * its answer (500 {@code IntegrationEvent.InvalidResponse} listing every violation) and serialization. A
 * {@link CheckoutException} becomes its own status and code; any other exception a 500 with a correlation
 * id that is also logged. {@code /ordersubmit} and {@code /orderapproved} deliveries are de-duplicated by
 * order ID. Each call is logged (event, order ID, status, duration) on this class's logger, with the SLF4J MDC
 * holding the request's trace ({@code traceId}, {@code spanId} from its W3C {@code traceparent}, or a new trace),
 * {@code correlationId} and {@code orderId} (also in the handler's own log lines), and told to the builder's
 * {@link IntegrationEventsDispatcherBuilder#observer observer}.
 *
 * <p>Built by {@link #builder()}, then immutable and thread-safe; {@link #handle(RawRequest)} never throws. Host it with
 * {@link IntegrationEventsPlugin} in Javalin, or call {@link #handle(RawRequest)} from any other server. {@link #close()}
 * stops the worker threads.
 */
public final class IntegrationEventsDispatcher implements RawHandler, AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger(IntegrationEventsDispatcher.class);

    private final Dispatch dispatch;
    private final Set<CheckoutEventType> events;
    private final long maxBodyBytes;
    private final TimeBudget budget;
    private final Map<CheckoutEventType, EventRoute> routes;
    private final boolean storeBoundsItsWait;

    IntegrationEventsDispatcher(Map<CheckoutEventType, EventRoute> routes, IntegrationEventsDispatcherBuilder.Settings settings) {
        this.budget = new TimeBudget("integration-events");
        this.dispatch = new Dispatch(routes, new RequestGuard(settings.maxBodyBytes()), settings.store(), budget,
                settings.clock(), LOG, settings.observer());
        this.events = Collections.unmodifiableSet(EnumSet.copyOf(routes.keySet()));
        this.maxBodyBytes = settings.maxBodyBytes();
        this.routes = Map.copyOf(routes);
        this.storeBoundsItsWait = settings.store() instanceof InMemoryIdempotencyStore;
    }

    /** A builder with no handlers, no keys, a 10 s time limit, a 4 MiB body limit and an in-memory store. */
    public static IntegrationEventsDispatcherBuilder builder() {
        return new IntegrationEventsDispatcherBuilder();
    }

    /** Handles a request on this thread; the handler runs on a worker thread while this one waits at most its limit. */
    @Override
    public RawResponse handle(RawRequest request) {
        return dispatch.handle(request);
    }

    /**
     * Handles a request with the handler on this thread (no hand-off). A handler that overruns its limit is
     * interrupted and its time-out answer (the fallback, or 504) is sent to {@code answer} from the dispatcher's
     * timer at the limit, even if the handler ignores interruption; its late result is dropped, and a de-duplicated
     * submit remembers the answer that was sent. This returns when the handler has ended. {@code JavalinMount} and
     * {@code RawHandlerServlet} call this.
     */
    @Override
    public void handle(RawRequest request, Answer answer) {
        dispatch.handle(request, answer);
    }

    /**
     * Whether a call to {@code path} is sure to be answered (by the handler, its fallback, or a 504) within
     * {@code limit} of handler time: the route's time limit, twice that when it has a fallback, is at most
     * {@code limit}; and a de-duplicated route uses the in-memory store, whose wait for a concurrent duplicate
     * is bounded by that duplicate's own limits. Verification, parsing and validation come on top (in
     * proportion to the body, which {@link #maxBodyBytes()} caps). An unknown path is answered at once.
     * In-process senders use this to call the dispatcher on their own thread instead of bounding it again.
     */
    @Override
    public boolean answersWithin(String path, Duration limit) {
        EventRoute route = CheckoutEventType.fromSuffix(Dispatch.normalize(path)).map(routes::get).orElse(null);
        if (route == null) {
            return true;
        }
        Duration worst = route.fallback() == null ? route.timeLimit() : route.timeLimit().multipliedBy(2);
        return worst.compareTo(limit) <= 0 && (!route.idempotent() || storeBoundsItsWait);
    }

    /** The events with a handler. */
    public Set<CheckoutEventType> events() {
        return events;
    }

    /** The body limit; adapters read at most this many bytes. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * {@code 200 {"Status":"OK","Events":["shippingrates",...]}}, for a health route: the events this
     * dispatcher answers, by URL suffix. The webhooks receiver's health has the same {@code Status} and lists
     * {@code Routes} instead, so one tool can read both.
     */
    public RawResponse health() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Status", "OK");
        com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("Events");
        events.forEach(type -> list.add(type.suffix()));
        return RawResponse.json(200, body);
    }

    /** Stops the worker threads; calls still running are interrupted. */
    @Override
    public void close() {
        budget.close();
    }
}
