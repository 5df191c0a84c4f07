package io.orderhooks.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.http.Answer;
import io.orderhooks.core.http.OnceAnswer;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawRequest;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.webhooks.internal.AsyncPostQueue;
import io.orderhooks.webhooks.internal.HookRouter;
import io.orderhooks.webhooks.internal.MemoryPostQueueStorage;
import io.orderhooks.webhooks.internal.PostTarget;
import io.orderhooks.webhooks.internal.PostHookRunner;
import io.orderhooks.webhooks.internal.PreHookRunner;
import io.orderhooks.webhooks.internal.Registration;
import io.orderhooks.webhooks.internal.Verdict;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives OrderCloud webhooks: checks the raw request (size 413, content type 415, {@code X-oc-hash} 401,
 * method 405), parses the {@link WebhookPayload} (400 naming the fault), routes it by its {@code Route}
 * template and {@code Verb} (404 naming both when no hook matches) and answers:
 *
 * <ul>
 *   <li>a <b>pre-hook</b> with 200 {@code {"proceed":..,"body":..}}, its handler run under the hook's
 *       {@link PreHookPolicy} (a failure or time-out blocks by default);
 *   <li>a <b>post-hook</b> with 200 {@code {}} once its handler ran (or, asynchronously, once queued),
 *       running the handler at most once per {@code LogID} while the {@link IdempotencyStore} remembers it.
 * </ul>
 *
 * <p>OrderCloud posts every webhook to one configured URL, so the request path is not used for routing: any
 * path under the mount point reaches the same hooks. To serve pre- and post-hooks for one route, mount two
 * dispatchers at different paths. Every request's log lines carry its trace in the SLF4J MDC ({@code traceId},
 * {@code spanId} from its W3C {@code traceparent} or a new trace, {@code correlationId}, {@code logId},
 * {@code orderId}), also in handlers (queued ones too); the builder's observer is told how it ended. Build with {@link #builder()}; immutable, thread-safe, never throws from
 * {@link #handle}. {@link #close()} stops its threads (draining an asynchronous queue for up to 10 s).
 */
public final class WebhooksDispatcher implements RawHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhooksDispatcher.class);

    private final RequestGuard guard;
    private final SignaturePolicy signature;
    private final HookRouter router;
    private final TimeBudget budget;
    private final PreHookRunner pre;
    private final PostHookRunner post;
    private final AsyncPostQueue queue;
    private final Observer observer;

    WebhooksDispatcher(WebhooksDispatcherBuilder b, List<Registration> registrations) {
        this.guard = new RequestGuard(b.maxBodyBytes);
        this.signature = b.signature;
        this.router = HookRouter.of(registrations);
        this.budget = new TimeBudget("orderhooks-webhook");
        this.observer = b.observer;
        this.pre = new PreHookRunner(budget, observer);
        this.queue = b.async == null ? null : new AsyncPostQueue(b.async, b.clock, budget, b.postTimeLimit,
                b.queueStorage != null ? b.queueStorage : new MemoryPostQueueStorage(), this::target, observer);
        this.post = new PostHookRunner(budget, b.postTimeLimit, b.store(), queue, observer);
        if (queue != null) {
            Observer.publish(observer, new ReceiverEvent.QueueAttached(ReceiverEvent.WEBHOOKS, queue::pending));
        }
    }

    /** A builder; see {@link WebhooksDispatcherBuilder}. */
    public static WebhooksDispatcherBuilder builder() {
        return new WebhooksDispatcherBuilder();
    }

    /** Handles a request on this thread; a pre-hook runs on a worker thread while this one waits at most its limit. */
    @Override
    public RawResponse handle(RawRequest request) {
        return serve(request, null);
    }

    /**
     * Handles a request with a pre-hook on this thread (no hand-off). A pre-hook that overruns its limit is
     * interrupted and its policy's answer (blocked or proceeded) is sent to {@code answer} from the dispatcher's
     * timer at the limit, even if the hook ignores interruption; its late result is dropped. This returns when the
     * hook has ended. Post-hooks run as in {@link #handle(RawRequest)}.
     */
    @Override
    public void handle(RawRequest request, Answer answer) {
        OnceAnswer once = new OnceAnswer(answer);
        once.send(serve(request, once));
    }

    private RawResponse serve(RawRequest request, Answer early) {
        long start = System.nanoTime();
        try (Traces.Scope trace = Traces.begin(request.header(TraceParent.HEADER),
                request.header(Traces.CORRELATION_HEADER))) {
            Verdict verdict = new Verdict();
            RawResponse response = handle(request, trace, verdict, early);
            Observer.publish(observer, new ReceiverEvent.Handled(ReceiverEvent.WEBHOOKS, verdict.route,
                    verdict.outcome, response.status(), System.nanoTime() - start));
            return response;
        }
    }

    private RawResponse handle(RawRequest request, Traces.Scope trace, Verdict verdict, Answer early) {
        try {
            if (!request.method().equalsIgnoreCase("POST")) {
                return ReceiverErrors.methodNotAllowed(request.method(), request.path());
            }
            Optional<RawResponse> refused = guard.check(request, signature);
            if (refused.isPresent()) {
                verdict.outcome = refused.get().status() == 401 ? ReceiverEvent.Outcome.SIGNATURE_REFUSED
                        : ReceiverEvent.Outcome.BAD_REQUEST;
                return refused.get();
            }
            WebhookPayload payload = parse(request.body());
            trace.put(Traces.LOG_ID, payload.logID());
            Optional<Registration> hook = router.match(payload.route(), payload.verb());
            if (hook.isEmpty()) {
                return ReceiverErrors.notFound("the webhook route " + payload.verb() + " " + payload.route());
            }
            verdict.route = hook.get().metricRoute();
            WebhookEvent event = WebhookEvent.of(payload, hook.get().template());
            trace.put(Traces.ORDER_ID, orderID(event));
            if (!hook.get().isPre()) {
                return post.run(hook.get(), event, request.body(), verdict);
            }
            return early == null ? pre.run(hook.get(), event, verdict) : pre.run(hook.get(), event, verdict, early);
        } catch (OrderCloudException e) {
            return RawResponse.error(e);
        } catch (RuntimeException e) {
            verdict.outcome = ReceiverEvent.Outcome.FAILED;
            return ReceiverErrors.internal(LOG, "webhook " + request.method() + " " + request.path(), e);
        }
    }

    /** The hook and event of a queued payload, on this instance's hooks. */
    private PostTarget target(byte[] body) {
        WebhookPayload payload = parse(body);
        Registration hook = router.match(payload.route(), payload.verb()).filter(r -> !r.isPre())
                .orElseThrow(() -> new IllegalStateException("no post-hook for " + payload.verb() + " "
                        + payload.route() + " on this instance"));
        return new PostTarget(hook, WebhookEvent.of(payload, hook.template()));
    }

    /** The route's {@code orderID} parameter, or null. */
    private static String orderID(WebhookEvent event) {
        return event.template().paramName("orderID").map(event.routeParams()::get).orElse(null);
    }

    private static WebhookPayload parse(byte[] body) {
        WebhookPayload payload;
        try {
            payload = OrderCloudJson.mapper().readValue(body, WebhookPayload.class);
        } catch (JsonProcessingException e) {
            throw ReceiverErrors.malformedJson(e);
        } catch (IOException e) {
            throw new OrderCloudException(400, "Request.InvalidJson", "Cannot read the body: " + e.getMessage());
        }
        if (payload == null) {
            throw new OrderCloudException(400, "Webhook.InvalidPayload", "The body must be a webhook payload object");
        }
        if (payload.route() == null || payload.route().isBlank()) {
            throw new OrderCloudException(400, "Webhook.InvalidPayload", "The payload has no Route");
        }
        if (payload.verb() == null || payload.verb().isBlank()) {
            throw new OrderCloudException(400, "Webhook.InvalidPayload", "The payload has no Verb");
        }
        return payload;
    }

    /** The body limit, for adapters that read the body themselves. */
    public long maxBodyBytes() {
        return guard.maxBodyBytes();
    }

    /** The registered hooks as {@code VERB template (pre|post)}, in registration order. */
    public List<String> routes() {
        return router.registrations().stream()
                .map(r -> r.describe() + (r.isPre() ? " (pre)" : " (post)")).toList();
    }

    /**
     * {@code 200 {"Status":"OK","Routes":[{"Verb":"POST","Route":"v1/...","Kind":"pre"},...]}}, for a health
     * route: every registered hook in registration order ({@code Kind} is {@code pre} or {@code post}), plus
     * {@code Pending} and {@code DeadLetters} counts for an asynchronous dispatcher. A tool (e.g. the engine's
     * {@code --webhook-url}) reads it to learn which webhook routes to register for this middleware.
     */
    public RawResponse health() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Status", "OK");
        ArrayNode routes = body.putArray("Routes");
        for (Registration r : router.registrations()) {
            routes.addObject().put("Verb", r.verb()).put("Route", r.template().template())
                    .put("Kind", r.isPre() ? "pre" : "post");
        }
        if (queue != null) {
            body.put("Pending", queue.pending());
            body.put("DeadLetters", queue.deadLetterCount());
        }
        return RawResponse.json(200, body);
    }

    /** Whether post-hooks are queued ({@link WebhooksDispatcherBuilder#asyncPosts}). */
    public boolean isAsync() {
        return queue != null;
    }

    /**
     * The asynchronous post-webhook queue: dead letters, redrive, {@link PostQueue#runDue()}.
     *
     * @throws IllegalStateException if post-hooks run synchronously
     */
    public PostQueue postQueue() {
        if (queue == null) {
            throw new IllegalStateException("post-webhooks run synchronously; enable asyncPosts(..) for a queue");
        }
        return queue;
    }

    /** Drains the asynchronous queue for up to 10 s (logging what is left) and stops the handler threads. */
    @Override
    public void close() {
        if (queue != null) {
            queue.shutdown(Duration.ofSeconds(10));
        }
        budget.close();
    }
}
