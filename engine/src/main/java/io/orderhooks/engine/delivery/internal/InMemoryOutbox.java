package io.orderhooks.engine.delivery.internal;

import io.orderhooks.engine.delivery.Outbox;
import io.orderhooks.engine.delivery.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** The {@link Outbox} in this JVM: a queue by due time plus the claimed entries with their leases. */
public final class InMemoryOutbox implements Outbox {

    private record Waiting(OutboxEntry entry, long seq) {}

    private record Claim(OutboxEntry entry, String owner, Instant until) {}

    private final int capacity;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(
            Comparator.comparing((Waiting w) -> w.entry().due()).thenComparingLong(Waiting::seq));
    private final Map<String, Claim> claimed = new HashMap<>();
    private long seq;

    public InMemoryOutbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean add(OutboxEntry entry) {
        if (waiting.size() + claimed.size() >= capacity) {
            return false;
        }
        waiting.add(new Waiting(entry, ++seq));
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> claim(String owner, Instant now, Duration lease, int max) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Iterator<Claim> it = claimed.values().iterator(); it.hasNext() && out.size() < max; ) {
            Claim c = it.next();
            if (!c.until().isAfter(now)) {
                it.remove();
                out.add(c.entry());
            }
        }
        while (out.size() < max && !waiting.isEmpty() && !waiting.peek().entry().due().isAfter(now)) {
            out.add(waiting.poll().entry());
        }
        for (OutboxEntry e : out) {
            claimed.put(e.id(), new Claim(e, owner, now.plus(lease)));
        }
        return out;
    }

    @Override
    public synchronized boolean reschedule(OutboxEntry next, String owner) {
        if (!held(next.id(), owner)) {
            return false;
        }
        claimed.remove(next.id());
        waiting.add(new Waiting(next, ++seq));
        return true;
    }

    @Override
    public synchronized boolean complete(String id, String owner) {
        return held(id, owner) && claimed.remove(id) != null;
    }

    private boolean held(String id, String owner) {
        Claim c = claimed.get(id);
        return c != null && c.owner().equals(owner);
    }

    @Override
    public synchronized int size() {
        return waiting.size() + claimed.size();
    }

    @Override
    public synchronized Instant nextDue() {
        return waiting.isEmpty() ? null : waiting.peek().entry().due();
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public synchronized List<OutboxEntry> takeUnclaimed() {
        List<OutboxEntry> out = new ArrayList<>();
        while (!waiting.isEmpty()) {
            out.add(waiting.poll().entry());
        }
        return out;
    }
}
