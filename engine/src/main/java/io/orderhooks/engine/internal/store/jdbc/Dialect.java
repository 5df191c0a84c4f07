package io.orderhooks.engine.internal.store.jdbc;

/**
 * What differs between the two databases in the SQL a list query becomes. Text sorts must agree with the Java
 * order of {@code Nodes.compareText} (ignoring case, then by UTF-16 code units): H2 compares strings as Java does;
 * PostgreSQL needs the {@code "C"} collation (byte order), whatever the database's default collation is.
 */
enum Dialect {
    H2(""),
    POSTGRESQL(" COLLATE \"C\"");

    private final String binaryCollation;

    Dialect(String binaryCollation) {
        this.binaryCollation = binaryCollation;
    }

    static Dialect ofUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
    }

    /** {@code expr} compared in code-unit order. */
    String binary(String expr) {
        return expr + binaryCollation;
    }
}
