package io.orderhooks.engine.internal.query;

import io.orderhooks.engine.internal.query.internal.PathResolver;
import io.orderhooks.engine.internal.query.internal.ResolvedPath;
import io.orderhooks.engine.internal.query.internal.TypeModel;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one resource's list for {@link ListQuery}: which properties can be filtered, searched and
 * sorted on (the JSON properties of the wire type, as {@code OrderCloudJson.mapper()} names them, nested
 * objects included, anything under free-JSON {@code xp}), the default search fields, the default sort and
 * the resource's extra reserved query parameters.
 *
 * <p>Immutable and thread-safe; build one per resource at startup and reuse it.
 */
public final class QuerySchema {

    /** The query parameters every list reserves (never filters). */
    public static final Set<String> STANDARD_PARAMETERS = Set.of("page", "pageSize", "search", "searchOn", "sortBy");

    private final String resourceName;
    private final PathResolver resolver;
    private final List<ResolvedPath> defaultSearchOn;
    private final String defaultSortBy;
    private final Set<String> reservedLower;
    private final ResolvedPath tieBreaker;

    private QuerySchema(Builder b) {
        this.resourceName = b.resourceName;
        this.resolver = new PathResolver(TypeModel.of(b.type), b.hidden);
        List<String> searchOn = b.defaultSearchOn != null ? b.defaultSearchOn : allTopLevelStrings(resolver);
        List<ResolvedPath> search = new ArrayList<>();
        for (String path : searchOn) {
            ResolvedPath resolved = resolver.resolve(path);
            if (resolved == null || !searchable(resolved)) {
                throw new IllegalArgumentException("defaultSearchOn: " + b.type.getSimpleName()
                        + " has no searchable property '" + path + "'");
            }
            search.add(resolved);
        }
        this.defaultSearchOn = List.copyOf(search);
        this.defaultSortBy = b.defaultSortBy;
        Set<String> reserved = new LinkedHashSet<>();
        STANDARD_PARAMETERS.forEach(p -> reserved.add(p.toLowerCase(Locale.ROOT)));
        b.reserved.forEach(p -> reserved.add(p.toLowerCase(Locale.ROOT)));
        this.reservedLower = Set.copyOf(reserved);
        ResolvedPath id = resolver.resolve("ID");
        this.tieBreaker = id != null && id.kind().isScalar() && !id.list() && id.path().equals("ID") ? id : null;
    }

    /**
     * A schema builder for lists of {@code wireType} (a record or bean such as {@code Order.class}).
     * Properties named {@code Password} are hidden by default (see {@link Builder#hide(String...)}).
     */
    public static Builder forType(Class<?> wireType) {
        return new Builder(wireType);
    }

    /** The resource name used in error messages (the wire type's simple name unless set). */
    public String resourceName() {
        return resourceName;
    }

    /** Whether {@code parameter} is reserved (standard or resource-specific), ignoring case. */
    public boolean isReserved(String parameter) {
        return reservedLower.contains(parameter.toLowerCase(Locale.ROOT));
    }

    /** The default {@code sortBy} expression, or null (then lists sort by the {@code ID} tie-breaker). */
    public String defaultSortBy() {
        return defaultSortBy;
    }

    PathResolver resolver() {
        return resolver;
    }

    List<ResolvedPath> defaultSearchPaths() {
        return defaultSearchOn;
    }

    /** The top-level {@code ID} property used as the final sort key, or null when the type has none. */
    ResolvedPath tieBreaker() {
        return tieBreaker;
    }

    static boolean searchable(ResolvedPath path) {
        return path.kind() != ValueKind.OBJECT;
    }

    private static List<String> allTopLevelStrings(PathResolver resolver) {
        List<String> names = new ArrayList<>();
        resolver.root().properties().values().forEach(p -> {
            if (p.kind() == ValueKind.STRING && !p.isList() && resolver.resolve(p.name()) != null) {
                names.add(p.name());
            }
        });
        return names;
    }

    /** Mutable builder; not thread-safe. {@link #build()} validates the defaults against the type. */
    public static final class Builder {
        private final Class<?> type;
        private String resourceName;
        private List<String> defaultSearchOn;
        private String defaultSortBy;
        private final Set<String> reserved = new LinkedHashSet<>();
        private final Set<String> hidden = new LinkedHashSet<>(Set.of("Password"));

        private Builder(Class<?> type) {
            this.type = Objects.requireNonNull(type, "wireType");
            if (TypeModel.kindOf(type) != ValueKind.OBJECT) {
                throw new IllegalArgumentException("wireType must be a record or bean type, was " + type.getName());
            }
            this.resourceName = type.getSimpleName();
        }

        /** The name used in error messages, e.g. {@code "Order"}. */
        public Builder resourceName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("resourceName must not be blank");
            }
            this.resourceName = name;
            return this;
        }

        /**
         * The fields {@code search} looks in when the request has no {@code searchOn}, e.g. {@code "ID",
         * "Name"}. Defaults to every top-level string property.
         */
        public Builder defaultSearchOn(String... paths) {
            for (String path : paths) {
                if (path == null || path.isBlank()) {
                    throw new IllegalArgumentException("defaultSearchOn must not contain blank paths");
                }
            }
            this.defaultSearchOn = List.of(paths);
            return this;
        }

        /** The {@code sortBy} used when the request has none, e.g. {@code "!DateCreated"}; checked on parse. */
        public Builder defaultSortBy(String sortBy) {
            this.defaultSortBy = sortBy == null || sortBy.isBlank() ? null : sortBy;
            return this;
        }

        /** Extra query parameters of this resource that are not filters, e.g. {@code depth}, {@code catalogID}. */
        public Builder reserved(String... parameters) {
            reserved.addAll(Arrays.asList(parameters));
            return this;
        }

        /** Property names (at any depth, ignoring case) nobody may filter, search or sort on. */
        public Builder hide(String... propertyNames) {
            hidden.addAll(Arrays.asList(propertyNames));
            return this;
        }

        public QuerySchema build() {
            QuerySchema schema = new QuerySchema(this);
            if (schema.defaultSortBy != null) {
                try {
                    ListQuery.parse(java.util.Map.of(), schema);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("defaultSortBy '" + defaultSortBy + "': " + e.getMessage(), e);
                }
            }
            return schema;
        }
    }
}
