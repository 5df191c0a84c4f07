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
 * A {@link DeliveryLog} in this JVM's memory, keeping the newest records within two bounds: at most
 * {@code capacity} records, and at most {@code maxBodyBytes} of request and response bodies together (the oldest
 * records are dropped first until both hold; the newest record is always kept, however large). The byte bound is
 * what sizes the heap: a 20-line checkout payload is about 25 KB and a 200-line one about 250 KB, so 10,000 records
 * alone could hold from 250 MB to 2.5 GB. Lost on restart. Thread-safe: appends and queries take one lock, held
 * only for the in-memory work.
 */
public final class InMemoryDeliveryLog implements DeliveryLog {

    /** Default capacity: 10,000 records. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** Default bound on the bodies kept (request bytes plus response characters): 64 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final int capacity;
    private final long maxBodyBytes;
    private final Deque<DeliveryRecord> records = new ArrayDeque<>();
    private final Map<String, DeliveryRecord> byId = new HashMap<>();
    private long bodyBytes;

    /**
     * @param capacity the most records kept
     * @param maxBodyBytes the most body bytes kept (request bytes plus response characters of all records)
     * @throws IllegalArgumentException if either bound is below 1
     */
    public InMemoryDeliveryLog(int capacity, long maxBodyBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        this.capacity = capacity;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** At most {@code capacity} records and {@link #DEFAULT_MAX_BODY_BYTES} of bodies. */
    public InMemoryDeliveryLog(int capacity) {
        this(capacity, DEFAULT_MAX_BODY_BYTES);
    }

    /** At most {@link #DEFAULT_CAPACITY} records and {@link #DEFAULT_MAX_BODY_BYTES} of bodies. */
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
        bodyBytes += bodyBytes(record);
        while (records.size() > capacity || (bodyBytes > maxBodyBytes && records.size() > 1)) {
            DeliveryRecord dropped = records.removeLast();
            byId.remove(dropped.id());
            bodyBytes -= bodyBytes(dropped);
        }
    }

    /** What a record's bodies count against the byte bound: request bytes plus response characters. */
    static long bodyBytes(DeliveryRecord record) {
        return (record.requestBody() == null ? 0 : record.requestBody().length)
                + (record.responseBody() == null ? 0 : record.responseBody().length());
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

    /** The body bytes the kept records hold (request bytes plus response characters). */
    public synchronized long bodyBytes() {
        return bodyBytes;
    }
}
