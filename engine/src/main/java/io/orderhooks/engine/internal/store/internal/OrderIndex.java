package io.orderhooks.engine.internal.store.internal;

import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.core.model.Order;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Secondary keys of the in-memory orders: company ({@code FromCompanyID} and {@code ToCompanyID}) and creating user
 * ({@code FromCompanyID/FromUserID}), each to the order IDs in creation order. Changed only under the order's lock
 * ({@link #indexed}, {@link #removed}); read lock-free. A reader may briefly see an ID whose order no longer has the
 * key, so callers re-check the key on the state they load.
 */
final class OrderIndex {

    private final AtomicLong seq = new AtomicLong();
    /** order ID → its creation number and the keys it is filed under. */
    private final Map<String, Filed> filed = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Long, String>> byKey = new ConcurrentHashMap<>();

    private record Filed(long seq, Set<String> keys) {}

    /** Files {@code s} under its current keys (a new order gets the next creation number). Call under the order's lock. */
    void indexed(OrderState s) {
        String id = s.order().id();
        Filed old = filed.get(id);
        Set<String> keys = keysOf(s.order());
        if (old != null && old.keys().equals(keys)) {
            return;
        }
        long n = old == null ? seq.incrementAndGet() : old.seq();
        if (old != null) {
            old.keys().stream().filter(k -> !keys.contains(k)).forEach(k -> unfile(k, n));
        }
        keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ConcurrentSkipListMap<>()).put(n, id));
        filed.put(id, new Filed(n, keys));
    }

    /** Forgets a deleted order. Call under the order's lock. */
    void removed(String orderID) {
        Filed old = filed.remove(orderID);
        if (old != null) {
            old.keys().forEach(k -> unfile(k, old.seq()));
        }
    }

    /** The IDs filed under {@code key}, in creation order. */
    List<String> ids(String key) {
        ConcurrentSkipListMap<Long, String> ids = byKey.get(key);
        return ids == null ? List.of() : List.copyOf(ids.values());
    }

    static String companyKey(String companyID) {
        return "c/" + companyID;
    }

    static String userKey(String companyID, String userID) {
        return "u/" + companyID + "/" + userID;
    }

    private void unfile(String key, long n) {
        ConcurrentSkipListMap<Long, String> ids = byKey.get(key);
        if (ids != null) {
            ids.remove(n);
        }
    }

    private static Set<String> keysOf(Order o) {
        Set<String> keys = new java.util.HashSet<>();
        if (o.fromCompanyID() != null) {
            keys.add(companyKey(o.fromCompanyID()));
            if (o.fromUserID() != null) {
                keys.add(userKey(o.fromCompanyID(), o.fromUserID()));
            }
        }
        if (o.toCompanyID() != null && !Objects.equals(o.toCompanyID(), o.fromCompanyID())) {
            keys.add(companyKey(o.toCompanyID()));
        }
        return Set.copyOf(keys);
    }
}
