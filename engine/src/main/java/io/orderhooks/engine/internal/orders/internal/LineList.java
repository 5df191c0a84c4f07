package io.orderhooks.engine.internal.orders.internal;

import io.orderhooks.core.model.LineItem;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An order's lines: an immutable, null-free {@link List} (equal to any list with the same lines) whose
 * {@link #plus appending} and {@link #find lookup by ID} are O(1) amortized, so adding N lines to an order costs
 * O(N) instead of O(N²).
 *
 * <p>Versions made by {@link #plus} share one backing array and one ID index: a version only reads its first
 * {@code size} slots, and appending claims the next slot of the shared array (at most one version can, the
 * newest); any other version copies. {@link #with replacing} a line copies the array (O(N), like a plain list)
 * and scans on lookup until the next append indexes it again. Thread-safe: instances are immutable to readers;
 * the shared slot is claimed atomically and a version is published only after its slot is written.
 */
public final class LineList extends AbstractList<LineItem> implements RandomAccess {

    private static final LineList EMPTY = new LineList(new LineItem[0], 0, null);

    private final LineItem[] items;
    private final int size;
    /** The array's lineage: slots in use and the first index of each ID; null when not indexed (then lookups scan). */
    private final Lineage lineage;

    private record Lineage(AtomicInteger used, Map<String, Integer> ids) {}

    private LineList(LineItem[] items, int size, Lineage lineage) {
        this.items = items;
        this.size = size;
        this.lineage = lineage;
    }

    /** {@code lines} as a line list: the same instance when it is one, else a copy (nulls rejected, like {@link List#copyOf}). */
    public static LineList copyOf(Collection<? extends LineItem> lines) {
        if (lines instanceof LineList l) {
            return l;
        }
        LineItem[] copy = lines.toArray(new LineItem[0]);
        for (LineItem l : copy) {
            Objects.requireNonNull(l, "line item");
        }
        return copy.length == 0 ? EMPTY : new LineList(copy, copy.length, null);
    }

    @Override
    public LineItem get(int index) {
        Objects.checkIndex(index, size);
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Where the first line with {@code id} is, or {@code -1}. O(1) when indexed, else a scan. */
    public int find(String id) {
        if (lineage == null) {
            for (int i = 0; i < size; i++) {
                if (items[i].id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
        Integer i = lineage.ids().get(id);
        // the index may hold IDs appended by newer versions: those lie at or beyond this version's size
        return i != null && i < size ? i : -1;
    }

    /** These lines and then {@code line}: O(1) amortized for the newest version of an indexed list, else one copy. */
    public LineList plus(LineItem line) {
        Objects.requireNonNull(line, "line item");
        if (lineage != null && size < items.length && lineage.used().compareAndSet(size, size + 1)) {
            items[size] = line;
            lineage.ids().putIfAbsent(line.id(), size);
            return new LineList(items, size + 1, lineage);
        }
        LineItem[] grown = Arrays.copyOf(items, Math.max(8, size + (size >> 1) + 1));
        grown[size] = line;
        Map<String, Integer> ids = new ConcurrentHashMap<>(Math.max(16, grown.length * 4 / 3 + 1));
        for (int i = 0; i <= size; i++) {
            ids.putIfAbsent(grown[i].id(), i);
        }
        return new LineList(grown, size + 1, new Lineage(new AtomicInteger(size + 1), ids));
    }

    /** These lines with line {@code index} replaced by {@code line}: one copy. */
    public LineList with(int index, LineItem line) {
        Objects.checkIndex(index, size);
        Objects.requireNonNull(line, "line item");
        LineItem[] copy = Arrays.copyOf(items, size);
        copy[index] = line;
        return new LineList(copy, size, null);
    }
}
