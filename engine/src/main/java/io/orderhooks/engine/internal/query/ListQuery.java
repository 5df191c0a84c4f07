package io.orderhooks.engine.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.query.internal.FilterParser;
import io.orderhooks.engine.internal.query.internal.Matcher;
import io.orderhooks.engine.internal.query.internal.QueryErrors;
import io.orderhooks.engine.internal.query.internal.ResolvedPath;
import io.orderhooks.engine.internal.query.internal.SortOrder;
import io.orderhooks.core.model.ListPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One parsed list request in OrderCloud's query grammar: filters ({@code Status=Open|Completed},
 * {@code xp.Color=*red*}, {@code Total=>=100}), {@code search}/{@code searchOn}, {@code sortBy} and
 * {@code page}/{@code pageSize}. The grammar and every choice made where OrderCloud is silent are written
 * down in {@code docs/QUERY.md}.
 *
 * <p>{@link #parse} validates everything up front against a {@link QuerySchema} and throws
 * {@link io.orderhooks.core.error.OrderCloudException} (400, {@code List.*}) on bad input, so
 * {@link #apply} never fails on the request. Instances are immutable and thread-safe; one may be applied
 * to any number of lists.
 */
public final class ListQuery {

    /** Default and maximum {@code pageSize}. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private record FieldFilter(String path, Matcher matcher) {}

    private final int page;
    private final int pageSize;
    private final List<FieldFilter> filters;
    private final Matcher search;
    private final List<String> searchPaths;
    private final SortOrder sort;
    private final String description;

    private ListQuery(int page, int pageSize, List<FieldFilter> filters, Matcher search, List<String> searchPaths,
            SortOrder sort, String description) {
        this.page = page;
        this.pageSize = pageSize;
        this.filters = List.copyOf(filters);
        this.search = search;
        this.searchPaths = List.copyOf(searchPaths);
        this.sort = sort;
        this.description = description;
    }

    /**
     * Parses a request's query parameters (name → values in order; a repeated parameter has several
     * values). Parameter names are matched ignoring case; every non-reserved parameter is a filter.
     *
     * @throws io.orderhooks.core.error.OrderCloudException 400 with {@code List.InvalidPageSize},
     *     {@code List.InvalidProperty}, {@code List.InvalidSearchProperty}, {@code List.InvalidSortProperty}
     *     or {@code List.InvalidType}, Data {@code {"Property": name}}
     */
    public static ListQuery parse(Map<String, List<String>> queryParams, QuerySchema schema) {
        Objects.requireNonNull(queryParams, "queryParams");
        Objects.requireNonNull(schema, "schema");
        Map<String, List<String>> reserved = new LinkedHashMap<>();
        List<FieldFilter> filters = filters(queryParams, schema, reserved);
        int page = number(last(reserved, "page"), 1, Integer.MAX_VALUE, QueryErrors::page);
        int pageSize = number(last(reserved, "pagesize"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, QueryErrors::pageSize);
        List<String> searchPaths = searchPaths(joined(reserved, "searchon"), schema);
        String searchText = last(reserved, "search");
        Matcher search = searchText == null || searchText.isEmpty() ? null : FilterParser.contains(searchText);
        String sortBy = joined(reserved, "sortby");
        SortOrder sort = SortOrder.parse(sortBy != null ? sortBy : schema.defaultSortBy(), schema.resolver(),
                schema.tieBreaker());
        String description = "ListQuery{page=" + page + ", pageSize=" + pageSize
                + ", filters=" + filters.stream().map(FieldFilter::path).toList()
                + ", search=" + (search == null ? "none" : "'" + searchText + "' on " + searchPaths)
                + ", sort=" + sort.keys().stream().map(k -> (k.descending() ? "!" : "") + k.path().path()).toList() + "}";
        return new ListQuery(page, pageSize, filters, search, searchPaths, sort, description);
    }

    /**
     * Filters, searches, sorts and pages {@code items} in one pass plus one sort of the matches. The
     * collection is not modified; items are never serialized (values come from {@code reader}). Runs in
     * the calling thread.
     *
     * @return the requested page; a page past the end has no items and correct {@code Meta}
     */
    public <T> ListPage<T> apply(Collection<T> items, PropertyReader<T> reader) {
        return apply(items, reader, matches -> { });
    }

    /**
     * As {@link #apply(Collection, PropertyReader)}, also handing {@code matches} every item that passed the filters
     * and search (before sorting and paging), e.g. to count facets over the whole result.
     */
    public <T> ListPage<T> apply(Collection<T> items, PropertyReader<T> reader, java.util.function.Consumer<List<T>> matches) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(reader, "reader");
        int f = filters.size();
        Matcher[] matchers = new Matcher[f];
        List<Function<T, JsonNode>> filterReaders = new ArrayList<>(f);
        for (int i = 0; i < f; i++) {
            matchers[i] = filters.get(i).matcher();
            filterReaders.add(reader.bind(filters.get(i).path()));
        }
        List<Function<T, JsonNode>> searchReaders = new ArrayList<>();
        if (search != null) {
            searchPaths.forEach(p -> searchReaders.add(reader.bind(p)));
        }
        List<T> matched = new ArrayList<>();
        for (T item : items) {
            if (accepts(item, matchers, filterReaders, searchReaders)) {
                matched.add(item);
            }
        }
        matches.accept(java.util.Collections.unmodifiableList(matched));
        List<Function<T, JsonNode>> sortReaders = new ArrayList<>();
        sort.keys().forEach(k -> sortReaders.add(reader.bind(k.path().path())));
        List<T> sorted = sort.sort(matched, sortReaders);
        int total = sorted.size();
        long from = (long) (page - 1) * pageSize;
        List<T> slice = from >= total ? List.of() : sorted.subList((int) from, (int) Math.min(from + pageSize, total));
        return ListPage.of(slice, page, pageSize, total);
    }

    private <T> boolean accepts(T item, Matcher[] matchers, List<Function<T, JsonNode>> readers,
            List<Function<T, JsonNode>> searchReaders) {
        for (int i = 0; i < matchers.length; i++) {
            if (!matchers[i].matches(readers.get(i).apply(item))) {
                return false;
            }
        }
        if (search == null) {
            return true;
        }
        for (Function<T, JsonNode> searchReader : searchReaders) {
            if (search.matches(searchReader.apply(item))) {
                return true;
            }
        }
        return false;
    }

    /** Collects reserved parameters into {@code reserved} and compiles the rest into filters, one per path. */
    private static List<FieldFilter> filters(Map<String, List<String>> queryParams, QuerySchema schema,
            Map<String, List<String>> reserved) {
        Map<String, List<String>> filterValues = new LinkedHashMap<>();
        Map<String, ResolvedPath> filterPaths = new LinkedHashMap<>();
        Map<String, String> filterNames = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> param : queryParams.entrySet()) {
            String name = param.getKey();
            List<String> values = param.getValue() == null ? List.of() : param.getValue();
            if (name != null && schema.isReserved(name)) {
                reserved.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
                continue;
            }
            ResolvedPath path = schema.resolver().resolve(name);
            if (path == null) {
                throw QueryErrors.property(String.valueOf(name), schema.resourceName());
            }
            filterPaths.putIfAbsent(path.path(), path);
            filterNames.putIfAbsent(path.path(), name);
            filterValues.computeIfAbsent(path.path(), k -> new ArrayList<>()).addAll(values.isEmpty() ? List.of("") : values);
        }
        List<FieldFilter> filters = new ArrayList<>();
        filterValues.forEach((path, values) -> filters.add(new FieldFilter(path,
                FilterParser.parse(filterNames.get(path), values, filterPaths.get(path)))));
        return filters;
    }

    /** The 1-based page requested (default 1). */
    public int page() {
        return page;
    }

    /** The page size requested (default 20, at most 100). */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String toString() {
        return description;
    }

    private static List<String> searchPaths(String searchOn, QuerySchema schema) {
        if (searchOn == null || searchOn.isBlank()) {
            return schema.defaultSearchPaths().stream().map(ResolvedPath::path).toList();
        }
        List<String> paths = new ArrayList<>();
        for (String raw : searchOn.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            ResolvedPath path = schema.resolver().resolve(name);
            if (path == null || !QuerySchema.searchable(path)) {
                throw QueryErrors.searchProperty(name, schema.resourceName());
            }
            paths.add(path.path());
        }
        return paths;
    }

    private static String last(Map<String, List<String>> reserved, String key) {
        List<String> values = reserved.get(key);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String joined(Map<String, List<String>> reserved, String key) {
        List<String> values = reserved.get(key);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static int number(String text, int fallback, int max,
            Function<String, io.orderhooks.core.error.OrderCloudException> error) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.trim();
        if (!trimmed.matches("\\+?\\d{1,10}")) {
            throw error.apply(text);
        }
        long value = Long.parseLong(trimmed);
        if (value < 1 || value > max) {
            throw error.apply(text);
        }
        return (int) value;
    }
}
