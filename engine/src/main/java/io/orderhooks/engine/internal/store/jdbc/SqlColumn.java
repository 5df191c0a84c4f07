package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.query.internal.ValueKind;
import java.util.List;

/**
 * A real column a list-query property maps to: its SQL name, the kind of its values and, for an enum, every
 * value it can hold (so a case-insensitive equality becomes an indexable {@code IN} list).
 */
record SqlColumn(String name, ValueKind kind, List<String> closedValues) {

    static SqlColumn of(String name, ValueKind kind) {
        return new SqlColumn(name, kind, null);
    }

    static SqlColumn ofEnum(String name, Class<? extends Enum<?>> type) {
        return new SqlColumn(name, ValueKind.STRING, java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> StoreJson.read(StoreJson.write(e), String.class)).toList());
    }
}
