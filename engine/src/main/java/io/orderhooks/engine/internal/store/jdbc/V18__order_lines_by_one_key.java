package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 18 (a Java migration: the key's width comes from {@link OrderLines#SPAN}, and PostgreSQL renames the
 * new key's constraint): {@code order_lines} keyed by one {@code BIGINT}, {@code line_key} = the order row's
 * {@code seq} × {@value OrderLines#SPAN} + the line's position, instead of {@code (order_id, pos)}.
 *
 * <p>Why: on H2 a table whose primary key is one {@code BIGINT} column stores its rows under that key, so inserting a
 * line writes one B-tree (the row map); keyed {@code (order_id, pos)} it wrote two (the row map under a hidden row ID,
 * and the primary-key index), and every line add's commit serialized the changed pages of both. On PostgreSQL the
 * index entry is 8 bytes of key instead of the order's ID and the position, and the lines of recent orders (the carts
 * being filled) sit together at the right end of the index. An order's lines are one key range in position order
 * ({@link OrderLines#column}).
 *
 * <p>The rows move in one statement ({@code INSERT ... SELECT} joined to {@code orders} for each line's {@code seq}), in
 * the migration's transaction; the old table is dropped and the new one takes its name. Lines of an order without a
 * row (none can exist: an order's row and lines are written and deleted together) would be dropped with the old table.
 * A line at a position past the key range (an order of more than {@value OrderLines#SPAN} lines) fails the migration
 * with nothing changed.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V18__order_lines_by_one_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM order_lines WHERE pos >= " + OrderLines.SPAN)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(rs.getLong(1) + " order lines are at positions past "
                            + (OrderLines.SPAN - 1) + ": an order holds at most " + OrderLines.SPAN + " lines");
                }
            }
            st.execute("CREATE TABLE order_lines_by_key (line_key BIGINT NOT NULL PRIMARY KEY, doc VARCHAR NOT NULL)");
            st.executeUpdate("INSERT INTO order_lines_by_key (line_key, doc) SELECT o.seq * " + OrderLines.SPAN
                    + " + l.pos, l.doc FROM order_lines l JOIN orders o ON o.id = l.order_id");
            st.execute("DROP TABLE order_lines");
            st.execute("ALTER TABLE order_lines_by_key RENAME TO order_lines");
            if (pg) {
                st.execute("ALTER TABLE order_lines RENAME CONSTRAINT order_lines_by_key_pkey TO order_lines_pkey");
                st.execute("ANALYZE order_lines");
            }
        }
    }
}
