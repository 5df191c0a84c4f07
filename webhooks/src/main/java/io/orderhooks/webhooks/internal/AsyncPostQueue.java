package io.orderhooks.webhooks.internal;

import io.orderhooks.core.receiver.TimeBudget;
import io.orderhooks.webhooks.AsyncPostOptions;
import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueue;
import io.orderhooks.webhooks.PostQueueEvent;
import io.orderhooks.webhooks.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.observe.ReceiverEvent;

/** {@link PostQueue} in memory: see the interface for the contract. */
public final class AsyncPostQueue implements PostQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncPostQueue.class);

    private final AsyncPostOptions options;
    private final Clock clock;
    private final PostAttempt attempt;
    private final Semaphore places;
    private final LinkedBlockingQueue<PostJob> ready = new LinkedBlockingQueue<>();
    private final PriorityQueue<PostJob> waiting = new PriorityQueue<>(Comparator.comparing(PostJob::dueAt));
    private final Map<String, PostJob> dead = new LinkedHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean draining;
    private volatile boolean stopped;

    private final Observer observer;

    public AsyncPostQueue(AsyncPostOptions options, Clock clock, TimeBudget budget, Duration timeLimit,
            Observer observer) {
        this.options = options;
        this.clock = clock;
        this.observer = observer;
        this.attempt = new PostAttempt(budget, timeLimit, observer);
        this.places = new Semaphore(options.capacity());
        for (int i = 1; i <= options.workers(); i++) {
            Thread t = new Thread(this::work, "orderhooks-webhook-post-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Queues a delivery; false (and a {@code Rejected} event) when the queue is full or closed. */
    public boolean offer(Registration hook, WebhookEvent event, byte[] payload) {
        String refusal = !accepting ? "the queue is closing" : places.tryAcquire() ? null : "the queue is full";
        if (refusal != null) {
            publish(new PostQueueEvent.Rejected(event.logId(), refusal));
            return false;
        }
        ready.add(new PostJob(UUID.randomUUID().toString(), hook, event, payload));
        return true;
    }

    public boolean isAccepting() {
        return accepting;
    }

    @Override
    public int runDue() {
        int promoted = promoteDue();
        if (options.workers() > 0) {
            return promoted;
        }
        int ran = 0;
        for (int n = ready.size(); n > 0; n--) {
            PostJob job = ready.poll();
            if (job == null) {
                break;
            }
            execute(job);
            ran++;
        }
        return ran;
    }

    private int promoteDue() {
        int moved = 0;
        synchronized (waiting) {
            while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(clock.instant())) {
                ready.add(waiting.poll());
                moved++;
            }
        }
        return moved;
    }

    private void work() {
        while (!stopped) {
            try {
                PostJob job = ready.poll(options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (job != null) {
                    execute(job);
                } else if (draining) {
                    return;
                } else {
                    promoteDue();
                }
            } catch (InterruptedException e) {
                if (stopped) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("webhook post worker step failed; continuing", e);
            }
        }
    }

    private void execute(PostJob job) {
        running.incrementAndGet();
        java.util.Map<String, String> callers = MDC.getCopyOfContextMap();
        MDC.setContextMap(job.mdc());
        try {
            job.attempted();
            var outcome = attempt.run(job.hook(), job.event());
            String error = PostAttempt.describe(outcome);
            if (error != null) {
                LOG.warn("webhook post delivery {} attempt {} of {} failed: {}", job.event(), job.attempts(),
                        options.maxAttempts(), error, outcome instanceof TimeBudget.Outcome.Failed<Object> f ? f.cause() : null);
            }
            if (error == null) {
                places.release();
                publish(new PostQueueEvent.Delivered(job.event().logId(), job.event().route(), job.attempts()));
            } else if (job.attempts() >= options.maxAttempts()) {
                deadLetter(job, error);
            } else {
                job.dueAt(clock.instant().plus(options.backoffAfter(job.attempts())));
                synchronized (waiting) {
                    waiting.add(job);
                }
                publish(new PostQueueEvent.RetryScheduled(job.event().logId(), job.attempts(), job.dueAt(), error));
            }
        } finally {
            running.decrementAndGet();
            MDC.setContextMap(callers == null ? java.util.Map.of() : callers);
        }
    }

    private void deadLetter(PostJob job, String error) {
        DeadLetter letter = job.toDeadLetter(error, clock.instant());
        job.lastLetter(letter);
        List<PostJob> dropped = new ArrayList<>();
        synchronized (dead) {
            dead.put(job.id(), job);
            while (dead.size() > options.deadLetterLimit()) {
                var eldest = dead.entrySet().iterator();
                dropped.add(eldest.next().getValue());
                eldest.remove();
            }
        }
        places.release();
        LOG.error("webhook post delivery {} dead-lettered after {} attempts: {} [deadLetterId={}]", job.event(),
                job.attempts(), error, job.id());
        dropped.forEach(d -> LOG.error("dead letter {} ({}) dropped: over the limit of {}; payload: {}", d.id(),
                d.event(), options.deadLetterLimit(), new String(d.payload(), StandardCharsets.UTF_8)));
        publish(new PostQueueEvent.DeadLettered(job.event().logId(), letter));
        Observer.publish(observer, new ReceiverEvent.DeadLettered(ReceiverEvent.WEBHOOKS, job.hook().metricRoute()));
    }

    @Override
    public List<DeadLetter> deadLetters() {
        synchronized (dead) {
            return dead.values().stream().map(PostJob::lastLetter).toList();
        }
    }

    @Override
    public void redrive(String id) {
        synchronized (dead) {
            PostJob job = dead.get(id);
            if (job == null) {
                throw new NoSuchElementException("no dead letter " + id);
            }
            if (!accepting || !places.tryAcquire()) {
                throw new IllegalStateException("cannot redrive " + id + ": the queue is "
                        + (accepting ? "full" : "closed"));
            }
            dead.remove(id);
            job.reset();
            ready.add(job);
        }
        LOG.info("dead letter {} queued again", id);
    }

    @Override
    public int pending() {
        return options.capacity() - places.availablePermits();
    }

    @Override
    public List<DeadLetter> shutdown(Duration timeout) {
        accepting = false;
        draining = true;
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
        List<PostJob> left = new ArrayList<>();
        ready.drainTo(left);
        synchronized (waiting) {
            left.addAll(waiting);
            waiting.clear();
        }
        List<DeadLetter> unhandled = left.stream()
                .map(j -> j.toDeadLetter("not handled before shutdown", clock.instant())).toList();
        unhandled.forEach(l -> LOG.warn("webhook post delivery {} {} [LogID={}] not handled before shutdown; "
                + "payload: {}", l.verb(), l.route(), l.logId(), l.payload()));
        return unhandled;
    }

    private void publish(PostQueueEvent event) {
        try {
            options.listener().accept(event);
        } catch (RuntimeException e) {
            LOG.warn("post queue listener failed on {}", event, e);
        }
    }
}
