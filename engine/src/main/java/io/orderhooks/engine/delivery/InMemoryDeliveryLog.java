package io.orderhooks.engine.delivery;

import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DeliveryLog} in this JVM's memory, keeping the newest {@code capacity} records (the oldest are
 * dropped first). Lost on restart. Thread-safe: appends and queries take one lock, held only for the
 * in-memory work.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {

    /** Default capacity: 10,000 records. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<DeliveryRecord> records = new ArrayDeque<>();
    private final Map<String, DeliveryRecord> byId = new HashMap<>();

    public InMemoryDeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public InMemoryDeliveryLog() {
        this(DEFAULT_CAPACITY);
    }

    @Override
    public synchronized void append(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        if (byId.containsKey(record.id())) {
            throw new IllegalArgumentException("a record with ID " + record.id() + " is already logged");
        }
        records.addFirst(record);
        byId.put(record.id(), record);
        while (records.size() > capacity) {
            byId.remove(records.removeLast().id());
        }
    }

    @Override
    public synchronized Optional<DeliveryRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Newest first: by insertion order, which is the order attempts ended in. */
    @Override
    public synchronized List<DeliveryRecord> list(Query query) {
        Objects.requireNonNull(query, "query");
        List<DeliveryRecord> out = new ArrayList<>();
        for (Iterator<DeliveryRecord> it = records.iterator(); it.hasNext(); ) {
            DeliveryRecord r = it.next();
            if (query.matches(r)) {
                out.add(r);
            }
        }
        return out;
    }

    public synchronized int size() {
        return records.size();
    }
}
