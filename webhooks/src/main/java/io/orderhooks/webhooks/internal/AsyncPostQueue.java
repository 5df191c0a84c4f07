package io.orderhooks.webhooks.internal;

import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.webhooks.AsyncPostOptions;
import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueue;
import io.orderhooks.webhooks.PostQueueEvent;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.QueuedPost;
import io.orderhooks.webhooks.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;

/**
 * {@link PostQueue} over a {@link PostQueueStorage}: see the interface for the contract. Workers claim due
 * deliveries from the storage, run them, and settle each claim (delivered, retry later, dead letter); they
 * wake when this instance accepts a delivery and otherwise look every poll interval.
 */
public final class AsyncPostQueue implements PostQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncPostQueue.class);

    private final AsyncPostOptions options;
    private final Clock clock;
    private final PostAttempt attempt;
    private final PostQueueStorage storage;
    private final PostTarget.Resolver resolver;
    private final Object wake = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean draining;
    private volatile boolean stopped;

    private final Observer observer;

    public AsyncPostQueue(AsyncPostOptions options, Clock clock, TimeBudget budget, Duration timeLimit,
            PostQueueStorage storage, PostTarget.Resolver resolver, Observer observer) {
        this.options = options;
        this.clock = clock;
        this.observer = observer;
        this.attempt = new PostAttempt(budget, timeLimit, observer);
        this.storage = storage;
        this.resolver = resolver;
        for (int i = 1; i <= options.workers(); i++) {
            Thread t = new Thread(this::work, "orderhooks-webhook-post-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Queues a delivery; false (and a {@code Rejected} event) when the queue is full or closed. */
    public boolean offer(WebhookEvent event, byte[] payload) {
        QueuedPost post = new QueuedPost(UUID.randomUUID().toString(), event.logId(), event.verb(), event.route(), payload, 0,
                callerContext());
        String refusal = !accepting ? "the queue is closing"
                : storage.add(post, clock.instant(), options.capacity()) ? null : "the queue is full";
        if (refusal != null) {
            publish(new PostQueueEvent.Rejected(event.logId(), refusal));
            return false;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        return true;
    }

    public boolean isAccepting() {
        return accepting;
    }

    /** Runs every due delivery on the calling thread without workers; with workers, wakes them and returns 0. */
    @Override
    public int runDue() {
        if (options.workers() > 0) {
            synchronized (wake) {
                wake.notifyAll();
            }
            return 0;
        }
        int ran = 0;
        for (Optional<PostQueueStorage.Claim> claim = storage.claimDue(clock.instant()); claim.isPresent();
                claim = storage.claimDue(clock.instant())) {
            execute(claim.get());
            ran++;
        }
        return ran;
    }

    private void work() {
        while (!stopped) {
            try {
                Optional<PostQueueStorage.Claim> claim = draining && storage.shared()
                        ? Optional.empty() : storage.claimDue(clock.instant());
                if (claim.isPresent()) {
                    execute(claim.get());
                } else if (draining) {
                    return;
                } else {
                    synchronized (wake) {
                        wake.wait(options.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("webhook post worker step failed; continuing", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(options.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(PostQueueStorage.Claim claim) {
        QueuedPost post = claim.post();
        int attempts = post.attempts() + 1;
        Map<String, String> callers = MDC.getCopyOfContextMap();
        MDC.setContextMap(post.context());
        try {
            run(claim, post, attempts);
        } finally {
            MDC.setContextMap(callers == null ? Map.of() : callers);
        }
    }

    private void run(PostQueueStorage.Claim claim, QueuedPost post, int attempts) {
        String error;
        String metricRoute = post.route();
        try {
            PostTarget target = resolver.resolve(post.payload());
            metricRoute = target.hook().metricRoute();
            var outcome = attempt.run(target.hook(), target.event());
            error = PostAttempt.describe(outcome);
            if (error != null) {
                LOG.warn("webhook post delivery {} attempt {} of {} failed: {}", post, attempts, options.maxAttempts(),
                        error, outcome instanceof TimeBudget.Outcome.Failed<Object> f ? f.cause() : null);
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warn("webhook post delivery {} attempt {} of {} cannot run: {}", post, attempts, options.maxAttempts(), error);
        }
        settle(claim, post, attempts, error, metricRoute);
    }

    private void settle(PostQueueStorage.Claim claim, QueuedPost post, int attempts, String error, String metricRoute) {
        if (error == null) {
            claim.delivered();
            publish(new PostQueueEvent.Delivered(post.logId(), post.route(), attempts));
        } else if (attempts >= options.maxAttempts()) {
            DeadLetter letter = post.toDeadLetter(attempts, error, clock.instant());
            List<DeadLetter> dropped = claim.deadLetter(letter, options.deadLetterLimit());
            LOG.error("webhook post delivery {} dead-lettered after {} attempts: {} [deadLetterId={}]", post, attempts,
                    error, post.id());
            dropped.forEach(d -> LOG.error("dead letter {} ({} {} [LogID={}]) dropped: over the limit of {}; payload: {}",
                    d.id(), d.verb(), d.route(), d.logId(), options.deadLetterLimit(), d.payload()));
            publish(new PostQueueEvent.DeadLettered(post.logId(), letter));
            Observer.publish(observer, new ReceiverEvent.DeadLettered(ReceiverEvent.WEBHOOKS, metricRoute));
        } else {
            var dueAt = clock.instant().plus(options.backoffAfter(attempts));
            claim.retry(attempts, dueAt, error);
            publish(new PostQueueEvent.RetryScheduled(post.logId(), attempts, dueAt, error));
        }
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return storage.deadLetters();
    }

    @Override
    public int deadLetterCount() {
        return storage.deadLetterCount();
    }

    @Override
    public void redrive(String id) {
        if (!accepting || !storage.redrive(id, clock.instant(), options.capacity())) {
            storage.deadLetters().stream().filter(l -> l.id().equals(id)).findAny()
                    .orElseThrow(() -> new java.util.NoSuchElementException("no dead letter " + id));
            throw new IllegalStateException("cannot redrive " + id + ": the queue is " + (accepting ? "full" : "closed"));
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        LOG.info("dead letter {} queued again", id);
    }

    @Override
    public int pending() {
        return storage.pending();
    }

    @Override
    public List<DeadLetter> shutdown(Duration timeout) {
        if (!accepting && stopped) {
            return List.of();
        }
        accepting = false;
        draining = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread worker : workers) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        workers.forEach(Thread::interrupt);
        List<DeadLetter> unhandled = storage.release().stream()
                .map(p -> p.toDeadLetter(p.attempts(), "not handled before shutdown", clock.instant())).toList();
        unhandled.forEach(l -> LOG.warn("webhook post delivery {} {} [LogID={}] not handled before shutdown; "
                + "payload: {}", l.verb(), l.route(), l.logId(), l.payload()));
        return unhandled;
    }

    /** The MDC of the request that queues a delivery (trace, LogID), restored while its handler runs. */
    private static Map<String, String> callerContext() {
        Map<String, String> callers = MDC.getCopyOfContextMap();
        return callers == null ? Map.of() : callers;
    }

    private void publish(PostQueueEvent event) {
        try {
            options.listener().accept(event);
        } catch (RuntimeException e) {
            LOG.warn("post queue listener failed on {}", event, e);
        }
    }
}
