package io.orderhooks.engine.internal.store.jdbc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The statement of one page of an order list that SQL answers whole (filter, sort and page; {@link OrderListSql}).
 * The page's rows are chosen by their ID and sort columns alone, which an index holding those columns can give
 * without reading the table (an index-only scan); only the page's rows then read their document, by ID. One
 * statement, so one snapshot: the page never mixes two states of the table.
 */
final class OrderPageSql {

    private OrderPageSql() {
    }

    /**
     * The page of the rows of {@code where} ({@code " FROM orders WHERE ..."}); its parameters are those of
     * {@code where}, then the page size and the offset.
     */
    static String page(SqlListQuery.Translation t, String where) {
        return documents("(" + chosen(t, where) + " LIMIT ? OFFSET ?)") + " ORDER BY " + t.orderBy();
    }

    /**
     * The page of two disjoint sets of rows whose union is the list ({@code first}, {@code second}:
     * {@code " FROM orders WHERE ..."}), each cut at the page's end by a {@code LIMIT ?} the caller bound (after
     * each set's own parameters): the page is then taken from at most twice the page's end rows. The caller
     * appends the page size and the offset.
     */
    static String union(SqlListQuery.Translation t, String first, String second) {
        return documents("((" + chosen(t, first) + " LIMIT ?) UNION ALL (" + chosen(t, second) + " LIMIT ?))")
                + " ORDER BY " + t.orderBy() + " LIMIT ? OFFSET ?";
    }

    /** The IDs and sort columns of the rows of {@code where}, in the list's order. */
    private static String chosen(SqlListQuery.Translation t, String where) {
        Set<String> columns = new LinkedHashSet<>(List.of("id"));
        columns.addAll(t.sortColumns());
        return "SELECT " + String.join(", ", columns) + where + " ORDER BY " + t.orderBy();
    }

    private static String documents(String rows) {
        return "SELECT (SELECT d.doc FROM orders d WHERE d.id = p.id) FROM " + rows + " p";
    }
}
