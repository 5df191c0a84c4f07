package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.query.internal.ValueKind;
import java.util.List;

/**
 * A real column a list-query property maps to: its SQL name, the kind of its values, for an enum every value it can
 * hold (so a case-insensitive equality becomes an indexable {@code IN} list), the SQL of its lower-cased value (a
 * column of its own when there is one, so that an index serves case-insensitive filters and sorts) and whether its
 * values are unique and never absent (then it ends an ORDER BY: nothing after it can break a tie).
 */
record SqlColumn(String name, ValueKind kind, List<String> closedValues, String lower, boolean uniqueKey) {

    static SqlColumn of(String name, ValueKind kind) {
        return new SqlColumn(name, kind, null, "LOWER(" + name + ")", false);
    }

    /** A unique, never absent text column with a lower-cased copy in the column {@code lowerColumn}. */
    static SqlColumn uniqueText(String name, String lowerColumn) {
        return new SqlColumn(name, ValueKind.STRING, null, lowerColumn, true);
    }

    /** The table columns this property's SQL reads: its own, and its lower-cased copy when that is a column. */
    List<String> columns() {
        return lower.equals("LOWER(" + name + ")") ? List.of(name) : List.of(name, lower);
    }

    static SqlColumn ofEnum(String name, Class<? extends Enum<?>> type) {
        return new SqlColumn(name, ValueKind.STRING, java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> StoreJson.read(StoreJson.write(e), String.class)).toList(), "LOWER(" + name + ")", false);
    }
}
