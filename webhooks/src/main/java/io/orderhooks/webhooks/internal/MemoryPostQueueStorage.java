package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.DeadLetter;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.QueuedPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;

/** {@link PostQueueStorage} in this JVM's memory; lost on restart. Guarded by one lock, held only briefly. */
public final class MemoryPostQueueStorage implements PostQueueStorage {

    private record Waiting(QueuedPost post, Instant dueAt, long seq) {}

    private final ArrayDeque<QueuedPost> ready = new ArrayDeque<>();
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(
            Comparator.comparing(Waiting::dueAt).thenComparingLong(Waiting::seq));
    private final Map<String, DeadLetter> dead = new LinkedHashMap<>();
    private int pending;
    private long seq;

    @Override
    public synchronized boolean add(QueuedPost post, Instant dueAt, int capacity) {
        if (pending >= capacity) {
            return false;
        }
        pending++;
        waiting.add(new Waiting(post, dueAt, seq++));
        return true;
    }

    @Override
    public synchronized Optional<Claim> claimDue(Instant now) {
        while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(now)) {
            ready.add(waiting.poll().post());
        }
        QueuedPost post = ready.poll();
        return post == null ? Optional.empty() : Optional.of(new MemoryClaim(post));
    }

    @Override
    public synchronized int pending() {
        return pending;
    }

    @Override
    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(dead.values());
    }

    @Override
    public synchronized boolean redrive(String id, Instant dueAt, int capacity) {
        DeadLetter letter = dead.get(id);
        if (letter == null) {
            throw new NoSuchElementException("no dead letter " + id);
        }
        if (!add(QueuedPost.of(letter), dueAt, capacity)) {
            return false;
        }
        dead.remove(id);
        return true;
    }

    @Override
    public synchronized List<QueuedPost> release() {
        List<QueuedPost> left = new ArrayList<>(ready);
        waiting.stream().sorted(waiting.comparator()).forEach(w -> left.add(w.post()));
        ready.clear();
        waiting.clear();
        pending = 0;
        return left;
    }

    private final class MemoryClaim implements Claim {
        private final QueuedPost post;

        MemoryClaim(QueuedPost post) {
            this.post = post;
        }

        @Override
        public QueuedPost post() {
            return post;
        }

        @Override
        public void delivered() {
            synchronized (MemoryPostQueueStorage.this) {
                pending--;
            }
        }

        @Override
        public void retry(int attempts, Instant dueAt, String error) {
            QueuedPost again = post.withAttempts(attempts);
            synchronized (MemoryPostQueueStorage.this) {
                waiting.add(new Waiting(again, dueAt, seq++));
            }
        }

        @Override
        public List<DeadLetter> deadLetter(DeadLetter letter, int limit) {
            List<DeadLetter> dropped = new ArrayList<>();
            synchronized (MemoryPostQueueStorage.this) {
                pending--;
                dead.put(letter.id(), letter);
                var eldest = dead.values().iterator();
                while (dead.size() > limit) {
                    dropped.add(eldest.next());
                    eldest.remove();
                }
            }
            return dropped;
        }
    }
}
