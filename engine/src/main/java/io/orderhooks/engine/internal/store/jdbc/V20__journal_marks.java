package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 20 (H2 only; PostgreSQL has its own write-ahead log): {@code journal_marks}, per slot of the
 * {@link H2Journal} (a physical connection of the pool) the seq of the last journal record its transactions
 * committed. Each journaled commit sets its slot's row in the same transaction, so after a crash the row says which of
 * the slot's records H2's file holds and which the journal must replay.
 */
@SuppressWarnings("checkstyle:TypeName")
final class V20__journal_marks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE journal_marks (slot INT PRIMARY KEY, seq BIGINT NOT NULL)");
        }
    }
}
