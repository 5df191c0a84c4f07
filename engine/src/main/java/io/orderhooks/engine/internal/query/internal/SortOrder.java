package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A parsed {@code sortBy}: keys in order, {@code !} for descending. Sorting reads each key once per item
 * (not once per comparison), then runs a stable sort. Absent values sort last in both directions.
 */
public final class SortOrder {

    /** One sort key. */
    public record Key(ResolvedPath path, boolean descending) {}

    private final List<Key> keys;

    private SortOrder(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses {@code !DateSubmitted,ID}; blank entries are ignored. Appends {@code tieBreaker} (ascending)
     * unless already a key. Throws {@code List.InvalidSortProperty} for unknown or non-scalar properties.
     */
    public static SortOrder parse(String sortBy, PathResolver resolver, ResolvedPath tieBreaker) {
        List<Key> keys = new ArrayList<>();
        for (String raw : sortBy == null ? new String[0] : sortBy.split(",")) {
            String entry = raw.trim();
            boolean descending = entry.startsWith("!");
            String name = descending ? entry.substring(1).trim() : entry;
            if (name.isEmpty()) {
                continue;
            }
            ResolvedPath path = resolver.resolve(name);
            if (path == null) {
                throw QueryErrors.sortProperty(name, "no such property.");
            }
            if (path.kind() == ValueKind.OBJECT || path.list()) {
                throw QueryErrors.sortProperty(name, name + " is " + (path.list() ? "a list" : "an object")
                        + "; sort on one of its single-valued properties.");
            }
            keys.add(new Key(path, descending));
        }
        if (tieBreaker != null && keys.stream().noneMatch(k -> k.path().path().equals(tieBreaker.path()))) {
            keys.add(new Key(tieBreaker, false));
        }
        return new SortOrder(keys);
    }

    public List<Key> keys() {
        return keys;
    }

    /** Sorts {@code items} (a new list; stable) with {@code readers.get(i)} reading key {@code i}. */
    public <T> List<T> sort(List<T> items, List<Function<T, JsonNode>> readers) {
        if (keys.isEmpty() || items.size() < 2) {
            return items;
        }
        int k = keys.size();
        Object[][] rows = new Object[items.size()][];
        for (int i = 0; i < rows.length; i++) {
            T item = items.get(i);
            Object[] row = new Object[k + 1];
            for (int j = 0; j < k; j++) {
                row[j] = sortKey(readers.get(j).apply(item), keys.get(j).path().kind());
            }
            row[k] = item;
            rows[i] = row;
        }
        boolean[] descending = new boolean[k];
        for (int j = 0; j < k; j++) {
            descending[j] = keys.get(j).descending();
        }
        Arrays.sort(rows, (a, b) -> compareRows(a, b, descending));
        List<T> out = new ArrayList<>(rows.length);
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            T item = (T) row[k];
            out.add(item);
        }
        return out;
    }

    private static int compareRows(Object[] a, Object[] b, boolean[] descending) {
        for (int j = 0; j < descending.length; j++) {
            Object x = a[j];
            Object y = b[j];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1; // absent last, whatever the direction
                }
                continue;
            }
            int c = compareKeys(x, y);
            if (c != 0) {
                return descending[j] ? -c : c;
            }
        }
        return 0;
    }

    /** A comparable form of a value: Boolean, BigDecimal, OffsetDateTime (dates) or String; null if absent. */
    static Object sortKey(JsonNode value, ValueKind kind) {
        if (Nodes.isAbsent(value) || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (kind == ValueKind.DATE) {
            OffsetDateTime date = Comparisons.dateOf(value);
            if (date != null) {
                return date;
            }
        }
        return Nodes.text(value);
    }

    private static int compareKeys(Object x, Object y) {
        int rx = rank(x);
        int ry = rank(y);
        if (rx != ry) {
            return Integer.compare(rx, ry);
        }
        return switch (rx) {
            case 0 -> Boolean.compare((Boolean) x, (Boolean) y);
            case 1 -> ((BigDecimal) x).compareTo((BigDecimal) y);
            case 2 -> Comparisons.compareInstants((OffsetDateTime) x, (OffsetDateTime) y);
            default -> Nodes.compareText((String) x, (String) y);
        };
    }

    private static int rank(Object key) {
        if (key instanceof Boolean) {
            return 0;
        }
        if (key instanceof BigDecimal) {
            return 1;
        }
        return key instanceof OffsetDateTime ? 2 : 3;
    }
}
