package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 19 (PostgreSQL only; H2 computes its generated columns in process and keeps them): {@code orders}'
 * three stored generated columns, {@code id_lower} (V6), {@code xp} (V7) and {@code listed_total} (V17), become plain
 * columns that the engine's own statements write ({@link OrderRows}) with the values their expressions gave. A table
 * with a stored generated column makes PostgreSQL read each expression back from the catalog's node text, plan it and
 * build its evaluation on every {@code INSERT} and {@code UPDATE} of the table, and evaluate all of them whatever
 * the statement changed: {@code xp}'s parsed the order's whole document as JSON twice on every cart write, and
 * {@code id_lower}'s ran for an {@code id} that never changes. That was ~9 % of the server's CPU in the checkout's
 * profile (PERFORMANCE.md, "PostgreSQL's own CPU per checkout (session 12)").
 *
 * <p>{@code DROP EXPRESSION} changes only the catalog: the rows keep their values, the indexes on the columns stay
 * as they are (no rewrite, no index build), so the list plans do not change.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V19__order_columns_written_not_generated extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE orders ALTER COLUMN id_lower DROP EXPRESSION, ALTER COLUMN xp DROP EXPRESSION, "
                    + "ALTER COLUMN listed_total DROP EXPRESSION");
        }
    }
}
