package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.spi.DeliveryRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 4 (a Java migration, named as Flyway requires): moves the delivery records that versions 1-2 kept
 * as {@code documents} rows ({@code tbl = 'deliveries'}) into the {@code deliveries} table of version 3, oldest
 * first so that newest-first lists keep their order, in the migration's transaction.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V4__move_delivery_documents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement("SELECT doc FROM documents WHERE tbl = 'deliveries' ORDER BY seq");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                JdbcDeliveryTable.insert(c, StoreJson.read(rs.getString(1), DeliveryRecord.class));
            }
        }
        try (Statement delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM documents WHERE tbl = 'deliveries'");
        }
    }
}
