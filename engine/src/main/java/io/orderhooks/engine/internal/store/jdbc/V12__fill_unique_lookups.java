package io.orderhooks.engine.internal.store.jdbc;

import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 12 (a Java migration, named as Flyway requires): fills {@code lookup} and {@code unique_lookup} of the
 * rows written before version 11 in the tables whose lookup is unique (users by username, promotions by code; the
 * latter had no lookup before), oldest row first, in the migration's transaction. Should older data hold a duplicate
 * (a race the old read-then-write check lost), the oldest row keeps the value and the later ones are logged and left
 * without a unique lookup, so the engine still starts and nothing is deleted.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V12__fill_unique_lookups extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V12__fill_unique_lookups.class);

    @Override
    public void migrate(Context context) throws Exception {
        for (Table<?> table : List.of(Tables.USERS, Tables.PROMOTIONS)) {
            fill(context.getConnection(), table);
        }
    }

    private static <T> void fill(Connection c, Table<T> table) throws Exception {
        Set<String> seen = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT doc_key, doc FROM documents WHERE tbl = ? ORDER BY seq");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE documents SET lookup = ?, unique_lookup = ? WHERE tbl = ? AND doc_key = ?")) {
            select.setString(1, table.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String lookup = table.lookupOf(StoreJson.read(rs.getString(2), table.type()));
                    boolean first = lookup == null || seen.add(lookup);
                    if (!first) {
                        LOG.warn("{} {} shares its lookup with an older row; it keeps no unique lookup", table.name(), rs.getString(1));
                    }
                    update.setString(1, lookup);
                    update.setString(2, first ? lookup : null);
                    update.setString(3, table.name());
                    update.setString(4, rs.getString(1));
                    update.executeUpdate();
                }
            }
        }
    }
}
