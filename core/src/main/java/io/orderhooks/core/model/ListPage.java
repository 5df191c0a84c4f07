package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OrderCloud's list envelope: {@code {"Meta":{...},"Items":[...]}}. */
public record ListPage<T>(@JsonProperty("Meta") ListMeta meta, @JsonProperty("Items") List<T> items) {

    /**
     * One page of {@code totalCount} items. {@code page} is 1-based; {@code ItemRange} is the 1-based,
     * inclusive range of {@code items} within the whole list ({@code [0,0]} when the page is empty).
     */
    public static <T> ListPage<T> of(List<T> items, int page, int pageSize, int totalCount) {
        int totalPages = pageSize == 0 ? 0 : (totalCount + pageSize - 1) / pageSize;
        int first = items.isEmpty() ? 0 : (page - 1) * pageSize + 1;
        int last = items.isEmpty() ? 0 : first + items.size() - 1;
        ListMeta meta = new ListMeta(page, pageSize, totalCount, totalPages, List.of(first, last), null, null);
        return new ListPage<>(meta, List.copyOf(items));
    }
}
