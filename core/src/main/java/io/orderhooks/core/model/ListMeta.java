package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code Meta} of a list page. {@code ItemRange} is 1-based and inclusive.
 */
public record ListMeta(
        @JsonProperty("Page") Integer page,
        @JsonProperty("PageSize") Integer pageSize,
        @JsonProperty("TotalCount") Integer totalCount,
        @JsonProperty("TotalPages") Integer totalPages,
        @JsonProperty("ItemRange") List<Integer> itemRange,
        @JsonProperty("NextPageKey") String nextPageKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Facets") JsonNode facets) {

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.page = page;
        b.pageSize = pageSize;
        b.totalCount = totalCount;
        b.totalPages = totalPages;
        b.itemRange = itemRange;
        b.nextPageKey = nextPageKey;
        b.facets = facets;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private Integer page;
        private Integer pageSize;
        private Integer totalCount;
        private Integer totalPages;
        private List<Integer> itemRange;
        private String nextPageKey;
        private JsonNode facets;

        private Builder() {}

        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder totalCount(Integer totalCount) {
            this.totalCount = totalCount;
            return this;
        }

        public Builder totalPages(Integer totalPages) {
            this.totalPages = totalPages;
            return this;
        }

        public Builder itemRange(List<Integer> itemRange) {
            this.itemRange = itemRange;
            return this;
        }

        public Builder nextPageKey(String nextPageKey) {
            this.nextPageKey = nextPageKey;
            return this;
        }

        public Builder facets(JsonNode facets) {
            this.facets = facets;
            return this;
        }

        public ListMeta build() {
            return new ListMeta(page, pageSize, totalCount, totalPages, itemRange, nextPageKey, facets);
        }
    }
}
