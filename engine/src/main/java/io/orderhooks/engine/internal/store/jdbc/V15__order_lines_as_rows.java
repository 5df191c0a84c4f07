package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.orders.OrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 15 (a Java migration, named as Flyway requires): an order's line items become rows of their own,
 * {@code order_lines} ({@link OrderLines}), and leave the order's document. Every stored order with lines gets its
 * rows (in list order, positions from 0) and its document rewritten without them, in the migration's transaction, a
 * batch of {@value #BATCH} orders at a time. Works unchanged on H2 2.x and PostgreSQL 12+. (Version 18 keys the
 * table by one number, {@link V18__order_lines_by_one_key}; this migration writes the table as version 15 had it.)
 */
@SuppressWarnings("checkstyle:TypeName")
final class V15__order_lines_as_rows extends BaseJavaMigration {

    static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE order_lines (order_id VARCHAR(255) NOT NULL, pos INT NOT NULL, doc VARCHAR NOT NULL, "
                    + "PRIMARY KEY (order_id, pos))");
        }
        try (PreparedStatement select = c.prepareStatement("SELECT doc FROM orders WHERE doc LIKE ? ORDER BY seq")) {
            select.setString(1, "%\"LineItems\":[{%");
            select.setFetchSize(BATCH);
            List<OrderState> batch = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OrderState s = OrderLines.read(rs.getString(1), null);
                    if (!s.lineItems().isEmpty()) {
                        batch.add(s);
                    }
                    if (batch.size() == BATCH) {
                        move(c, batch);
                    }
                }
            }
            move(c, batch);
        }
    }

    /** Inserts the line rows of {@code orders} and writes their documents without lines; empties the batch. */
    private static void move(Connection c, List<OrderState> orders) throws Exception {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_lines (order_id, pos, doc) VALUES (?, ?, ?)")) {
            for (OrderState s : orders) { // the table as this version made it (V18 keys it otherwise)
                for (int i = 0; i < s.lineItems().size(); i++) {
                    ps.setString(1, s.id());
                    ps.setInt(2, i);
                    ps.setString(3, StoreJson.write(s.lineItems().get(i)));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET doc = ? WHERE id = ?")) {
            for (OrderState s : orders) {
                ps.setString(1, OrderLines.document(s));
                ps.setString(2, s.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        orders.clear();
    }
}
