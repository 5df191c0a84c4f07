package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 7 (a Java migration: PostgreSQL only; H2 keeps finishing {@code xp} filters in Java): the order's
 * {@code xp} as a {@code jsonb} column generated from the stored document ({@code orders.xp}), so that an {@code xp}
 * filter reads a few bytes per row rather than parsing each order's whole document ({@link XpSql}). The value is
 * JSON {@code null} when the order has no {@code xp}, and SQL NULL when the document holds an escaped NUL, which
 * {@code jsonb} cannot store (such rows are left to Java).
 */
@SuppressWarnings("checkstyle:TypeName")
final class V7__order_xp_jsonb extends BaseJavaMigration {

    /** The generation expression (every function in it is immutable, as PostgreSQL requires). */
    static final String XP = "CASE WHEN strpos(doc, '\\u0000') = 0 "
            + "THEN COALESCE(CAST(CAST(doc AS json) #> '{Order,xp}' AS jsonb), 'null'::jsonb) END";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE orders ADD COLUMN xp jsonb GENERATED ALWAYS AS (" + XP + ") STORED");
        }
    }
}
