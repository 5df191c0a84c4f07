package io.orderhooks.webhooks;

import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.core.receiver.InMemoryIdempotencyStore;
import io.orderhooks.core.receiver.RequestGuard;
import io.orderhooks.core.receiver.SignaturePolicy;
import io.orderhooks.webhooks.internal.HookRouter;
import io.orderhooks.webhooks.internal.Registration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects hooks, keys and policies for a {@link WebhooksDispatcher}. Each setter checks its own value and
 * names it; a malformed route template or an unsupported verb is refused when registered, and
 * {@link #build()} refuses a dispatcher without a signature policy, without hooks, or with one template and
 * verb registered twice. Mutable and not thread-safe; the dispatcher it builds is immutable.
 */
public final class WebhooksDispatcherBuilder {

    /** How long post-hook handlers may run (sync or async) unless set. */
    public static final Duration DEFAULT_POST_TIME_LIMIT = Duration.ofSeconds(30);
    /** How long a {@code LogID} is remembered by the default store unless set. */
    public static final Duration DEFAULT_DEDUPE_RETENTION = Duration.ofHours(24);
    /** The queue name {@link #sharedState(WebhookState)} uses. */
    public static final String DEFAULT_QUEUE = "webhooks";

    private record Pending(String verb, RouteTemplate template, PreWebhookHandler pre, PreHookPolicy policy,
            PostWebhookHandler post) {}

    private final List<Pending> hooks = new ArrayList<>();
    SignaturePolicy signature;
    long maxBodyBytes = RequestGuard.DEFAULT_MAX_BODY_BYTES;
    Clock clock = Clock.systemUTC();
    Duration postTimeLimit = DEFAULT_POST_TIME_LIMIT;
    AsyncPostOptions async;
    Observer observer = Observer.NONE;
    private PreHookPolicy defaultPrePolicy = PreHookPolicy.defaults();
    private IdempotencyStore store;
    PostQueueStorage queueStorage;
    private Duration dedupeRetention = DEFAULT_DEDUPE_RETENTION;

    WebhooksDispatcherBuilder() {}

    /** Accept {@code X-oc-hash} under any of these keys (the first current, the rest for rotation). */
    public WebhooksDispatcherBuilder hashKeys(String... hashKeys) {
        this.signature = SignaturePolicy.keys(hashKeys);
        return this;
    }

    public WebhooksDispatcherBuilder signature(SignaturePolicy signature) {
        this.signature = Objects.requireNonNull(signature, "signature");
        return this;
    }

    /** Accept unsigned requests: anyone who can reach the URL can call the hooks. Tests and demos only. */
    public WebhooksDispatcherBuilder unsignedUnsafe() {
        this.signature = SignaturePolicy.unsignedUnsafe();
        return this;
    }

    public WebhooksDispatcherBuilder maxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /** The clock for de-duplication retention and retry backoff (default: system UTC). */
    public WebhooksDispatcherBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The policy of pre-hooks registered without their own (default: 5 s, block on failure). */
    public WebhooksDispatcherBuilder defaultPrePolicy(PreHookPolicy policy) {
        this.defaultPrePolicy = Objects.requireNonNull(policy, "defaultPrePolicy");
        return this;
    }

    /** Registers a pre-hook with the default policy. */
    public WebhooksDispatcherBuilder preHook(String verb, String routeTemplate, PreWebhookHandler handler) {
        return add(verb, routeTemplate, Objects.requireNonNull(handler, "handler"), null, null);
    }

    /** Registers a pre-hook with its own time limit and failure policy. */
    public WebhooksDispatcherBuilder preHook(String verb, String routeTemplate, PreHookPolicy policy,
            PreWebhookHandler handler) {
        return add(verb, routeTemplate, Objects.requireNonNull(handler, "handler"),
                Objects.requireNonNull(policy, "policy"), null);
    }

    /** Registers a post-hook. */
    public WebhooksDispatcherBuilder postHook(String verb, String routeTemplate, PostWebhookHandler handler) {
        return add(verb, routeTemplate, null, null, Objects.requireNonNull(handler, "handler"));
    }

    private WebhooksDispatcherBuilder add(String verb, String routeTemplate, PreWebhookHandler pre,
            PreHookPolicy policy, PostWebhookHandler post) {
        hooks.add(new Pending(HookRouter.normalizeVerb(verb), RouteTemplate.parse(routeTemplate), pre, policy, post));
        return this;
    }

    /** How long a post-hook handler may run before the attempt counts as failed (default 30 s). */
    public WebhooksDispatcherBuilder postTimeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("postTimeLimit must be a positive duration, was " + limit);
        }
        this.postTimeLimit = limit;
        return this;
    }

    /** Where post-hook {@code LogID}s are remembered (default: in memory, 24 h, on the builder's clock). */
    public WebhooksDispatcherBuilder idempotencyStore(IdempotencyStore store) {
        this.store = Objects.requireNonNull(store, "idempotencyStore");
        return this;
    }

    /** Retention of the default in-memory {@code LogID} store (ignored with {@link #idempotencyStore}). */
    public WebhooksDispatcherBuilder dedupeRetention(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("dedupeRetention must be a positive duration, was " + retention);
        }
        this.dedupeRetention = retention;
        return this;
    }

    /**
     * Where the asynchronous queue keeps its deliveries (default: this JVM's memory). Only used with
     * {@link #asyncPosts}.
     */
    public WebhooksDispatcherBuilder postQueueStorage(PostQueueStorage storage) {
        this.queueStorage = Objects.requireNonNull(storage, "postQueueStorage");
        return this;
    }

    /**
     * Shares this dispatcher's state with other instances: its {@code LogID} store and, with
     * {@link #asyncPosts}, its queue named {@value #DEFAULT_QUEUE}. Same as {@link #sharedState(WebhookState,
     * String)} with that name.
     */
    public WebhooksDispatcherBuilder sharedState(WebhookState state) {
        return sharedState(state, DEFAULT_QUEUE);
    }

    /**
     * Shares this dispatcher's state with other instances: {@link #idempotencyStore} and
     * {@link #postQueueStorage} from {@code state}, the queue named {@code queue} (one name per set of hooks:
     * a delivery is run by whichever instance claims it, with that instance's hooks).
     */
    public WebhooksDispatcherBuilder sharedState(WebhookState state, String queue) {
        Objects.requireNonNull(state, "sharedState");
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue must not be blank, was " + queue);
        }
        idempotencyStore(state.idempotencyStore());
        return postQueueStorage(state.postQueueStorage(queue));
    }

    /**
     * Told of every request ({@link io.orderhooks.core.observe.ReceiverEvent}: hook, outcome, duration), every
     * handler run (in flight, latency), the async queue's depth and its dead letters; e.g.
     * {@code MicrometerObserver.of(registry)} from {@code orderhooks-micrometer}. Called on request, handler and
     * worker threads; must be fast and must not block. Default {@link Observer#NONE}.
     */
    public WebhooksDispatcherBuilder observer(Observer observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /** Acknowledge post-hooks at once and run them from a bounded, retrying queue. */
    public WebhooksDispatcherBuilder asyncPosts(AsyncPostOptions options) {
        this.async = Objects.requireNonNull(options, "asyncPosts");
        return this;
    }

    IdempotencyStore store() {
        return store != null ? store : new InMemoryIdempotencyStore(clock, dedupeRetention, 100_000);
    }

    /**
     * The dispatcher.
     *
     * @throws IllegalStateException if no signature policy was chosen ({@link #hashKeys} or, explicitly,
     *     {@link #unsignedUnsafe()}) or no hook is registered
     * @throws IllegalArgumentException if a template and verb are registered twice
     */
    public WebhooksDispatcher build() {
        if (signature == null) {
            throw new IllegalStateException("signature: set hashKeys(..) (or, unsafely, unsignedUnsafe()); "
                    + "a receiver without either would accept anyone's calls");
        }
        if (hooks.isEmpty()) {
            throw new IllegalStateException("hooks: register at least one preHook(..) or postHook(..)");
        }
        List<Registration> registrations = hooks.stream()
                .map(h -> h.pre() != null
                        ? Registration.pre(h.verb(), h.template(), h.pre(), h.policy() != null ? h.policy() : defaultPrePolicy)
                        : Registration.post(h.verb(), h.template(), h.post()))
                .toList();
        HookRouter.of(registrations);
        return new WebhooksDispatcher(this, registrations);
    }
}
