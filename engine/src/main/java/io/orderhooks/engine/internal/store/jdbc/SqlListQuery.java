package io.orderhooks.engine.internal.store.jdbc;

import com.fasterxml.jackson.databind.node.TextNode;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.internal.FilterParser;
import io.orderhooks.engine.internal.query.internal.Matcher;
import io.orderhooks.engine.internal.query.internal.SortOrder;
import io.orderhooks.engine.internal.query.internal.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates a {@link ListQuery} into SQL over real columns so that the database selects, counts, sorts and pages
 * exactly what {@link ListQuery#apply} would. A filter or search on a property without a column (or on a column of
 * a kind whose SQL semantics differ, such as a wildcard on a number) is left out: the result is then
 * {@linkplain Translation#exact() not exact}, its condition only narrows, and the caller filters the narrowed rows
 * in Java. The comparison rules mirrored here are those of {@code query.internal.Comparisons}.
 */
final class SqlListQuery {

    /**
     * @param where a condition (never empty) with {@code ?} placeholders bound by {@code params} in order
     * @param exact whether {@code where} selects exactly the query's matches (else it selects a superset)
     * @param orderBy the ORDER BY list giving the query's order, or null when a sort key has no column
     * @param undecided null, or (with {@code xp} filters in {@code jsonb}, {@link XpSql}) the condition of the rows
     *     {@code where} keeps without deciding them: {@code where} is exact only when no row in scope meets it
     * @param sortColumns the columns {@code orderBy} reads (so that a page can be chosen from them alone)
     */
    record Translation(String where, List<Object> params, boolean exact, String orderBy, String undecided,
            List<String> sortColumns) {

        Translation(String where, List<Object> params, boolean exact, String orderBy) {
            this(where, params, exact, orderBy, null, List.of());
        }

        /** Whether the database can answer the page alone (count, sort, limit). */
        boolean pushedDown() {
            return exact && orderBy != null;
        }
    }

    /**
     * Filters on a property also read from a second column: {@code column} equals the property's own column on
     * every row where {@code otherRows} is not true (and an index may hold it where none holds the own column). A
     * filter {@code f} becomes {@code f(own) AND (f(column) OR otherRows)}: on each row exactly {@code f(own)}, and
     * a database can find its rows through the indexes of {@code column} and of {@code otherRows}. Sorting still
     * reads the property's own column.
     */
    record Split(SqlColumn column, String otherRows) {
    }

    private final Map<String, SqlColumn> columns;
    private final Dialect dialect;

    private final boolean xpInJsonb;
    private final Map<String, Split> splits;

    SqlListQuery(Map<String, SqlColumn> columns, Dialect dialect) {
        this(columns, dialect, false);
    }

    /** With {@code xpInJsonb}, filters on {@code xp.*} become {@link XpSql} conditions (on {@code orders.xp}, PostgreSQL). */
    SqlListQuery(Map<String, SqlColumn> columns, Dialect dialect, boolean xpInJsonb) {
        this(columns, dialect, xpInJsonb, Map.of());
    }

    /** With {@code splits}: filters on these properties also read a second column ({@link Split}). */
    SqlListQuery(Map<String, SqlColumn> columns, Dialect dialect, boolean xpInJsonb, Map<String, Split> splits) {
        this.columns = Map.copyOf(columns);
        this.dialect = dialect;
        this.xpInJsonb = xpInJsonb;
        this.splits = Map.copyOf(splits);
    }

    Translation translate(ListQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        List<String> undecided = new ArrayList<>();
        for (ListQuery.Filter f : query.filters()) {
            XpSql.Condition xp = xpInJsonb && XpSql.isXp(f) ? XpSql.of(f) : null;
            if (xp != null) {
                conditions.add(xp.where());
                params.addAll(xp.whereParams());
                undecided.add(xp.undecided());
                continue;
            }
            SqlColumn c = f.resolved().list() ? null : columns.get(f.path());
            List<Object> own = new ArrayList<>();
            String sql = c == null ? null : filter(f, c, own);
            if (sql == null) {
                exact = false;
            } else {
                conditions.add(sql);
                params.addAll(own);
            }
        }
        if (query.searchText() != null) {
            List<Object> own = new ArrayList<>();
            String sql = search(query.searchText(), query.searchPaths(), own);
            if (sql == null) {
                exact = false;
            } else {
                conditions.add(sql);
                params.addAll(own);
            }
        }
        String where = conditions.isEmpty() ? "1=1" : String.join(" AND ", conditions);
        return new Translation(where, List.copyOf(params), exact, orderBy(query.sortKeys()),
                undecided.isEmpty() ? null : "(" + String.join(" OR ", undecided) + ")", sortColumns(query.sortKeys()));
    }

    /** The SQL of the filter's values on column {@code c} (or on both columns of its {@link Split}), or null. */
    private String filter(ListQuery.Filter f, SqlColumn c, List<Object> params) {
        Split split = splits.get(f.path());
        if (split == null) {
            return SqlTerms.allOf(f.values(), c, dialect, params);
        }
        List<Object> first = new ArrayList<>();
        String onOwn = SqlTerms.allOf(f.values(), c, dialect, first);
        List<Object> second = new ArrayList<>();
        String onSplit = SqlTerms.allOf(f.values(), split.column(), dialect, second);
        if (onSplit == null || onOwn == null) {
            return null;
        }
        params.addAll(first);
        params.addAll(second);
        return "(" + onOwn + " AND (" + onSplit + " OR " + split.otherRows() + "))";
    }

    /** Any of the paths contains the text (ignoring case); null unless every path is a text column. */
    private String search(String text, List<String> paths, List<Object> params) {
        List<String> any = new ArrayList<>();
        String pattern = "%" + SqlTerms.likeEscape(text.toLowerCase(Locale.ROOT)) + "%";
        Matcher contains = FilterParser.contains(text);
        for (String path : paths) {
            SqlColumn c = columns.get(path);
            if (c == null || c.kind() != ValueKind.STRING) {
                return null;
            }
            if (c.closedValues() != null) {
                any.add(SqlTerms.in(c, c.closedValues().stream().filter(v -> contains.matches(TextNode.valueOf(v))).toList(), params));
            } else {
                any.add(c.lower() + " LIKE ? ESCAPE '!'");
                params.add(pattern);
            }
        }
        return any.isEmpty() ? "1=0" : "(" + String.join(" OR ", any) + ")";
    }

    /** The columns {@link #orderBy} reads (each once): the sort keys' up to a unique one, else then {@code seq}. */
    private List<String> sortColumns(List<SortOrder.Key> keys) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (SortOrder.Key k : keys) {
            SqlColumn c = columns.get(k.path().path());
            if (c == null) {
                return List.of();
            }
            names.addAll(c.columns());
            if (c.uniqueKey()) {
                return List.copyOf(names);
            }
        }
        names.add("seq");
        return List.copyOf(names);
    }

    /**
     * The ORDER BY of the sort keys, absent values last in both directions, then creation order (unless a unique
     * key already decides every tie); or null.
     */
    private String orderBy(List<SortOrder.Key> keys) {
        List<String> terms = new ArrayList<>();
        for (SortOrder.Key k : keys) {
            SqlColumn c = columns.get(k.path().path());
            if (c == null || !c.kind().isScalar()) {
                return null;
            }
            // a unique key is never absent: its plain direction lets an index serve the sort either way
            String dir = c.uniqueKey() ? (k.descending() ? " DESC" : " ASC")
                    : k.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST";
            if (c.kind() == ValueKind.STRING) {
                terms.add(dialect.binary(c.lower()) + dir);
                terms.add(dialect.binary(c.name()) + dir);
            } else {
                terms.add(c.name() + dir);
            }
            if (c.uniqueKey()) {
                return String.join(", ", terms);
            }
        }
        terms.add("seq ASC");
        return String.join(", ", terms);
    }
}
