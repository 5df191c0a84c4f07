package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 13 (a Java migration: PostgreSQL gets an expression index H2 cannot have) for order lists at a
 * million orders (docs/QUERY.md, "At scale"):
 * <ul>
 *   <li>a buyer company's lists as fast as a seller's: {@code (from_company, status, total)} and
 *       {@code (from_company, date_submitted DESC NULLS LAST)}, both holding {@code id_lower, id} (every sort ends
 *       with {@code ID}), so that a page is chosen from the index alone ({@link OrderPageSql});</li>
 *   <li>PostgreSQL: a seller's {@code Incoming} list between {@code from} and {@code to} (on {@code DateSubmitted},
 *       else {@code DateCreated}) reads {@code (to_company, COALESCE(date_submitted, date_created))}, which holds
 *       the columns of that expression and of the ID so that its count and page need not read the table;</li>
 *   <li>the index on {@code date_submitted} alone goes: every list is scoped to a company, and each company side
 *       now has its own {@code date_submitted} index;</li>
 *   <li>{@code order_counts} side {@code B}: the orders whose company is on both sides, so that a list of either
 *       side ({@code Direction=All}) is counted as {@code F + T - B} ({@link OrderCounts}).</li>
 * </ul>
 */
@SuppressWarnings("checkstyle:TypeName")
final class V13__buyer_lists_date_ranges_and_either_side_counts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement st = c.createStatement()) {
            // PostgreSQL: the ID columns in INCLUDE, in the "C" order the sorts use (V6); H2: plain key columns
            String ids = pg ? ") INCLUDE (id_lower, id)" : ", id_lower, id)";
            st.execute("CREATE INDEX orders_by_from_company_status_total ON orders (from_company, status, total" + ids);
            st.execute("CREATE INDEX orders_by_from_company_submitted ON orders "
                    + "(from_company, date_submitted DESC NULLS LAST" + ids);
            if (pg) {
                st.execute("CREATE INDEX orders_by_to_company_listed ON orders (to_company, "
                        + "(COALESCE(date_submitted, date_created))) INCLUDE (date_submitted, date_created, id_lower, id)");
            }
            st.execute("DROP INDEX orders_by_date_submitted");
            st.executeUpdate("INSERT INTO order_counts (side, company, status, n) SELECT 'B', from_company, "
                    + "COALESCE(status, ''), COUNT(*) FROM orders WHERE from_company = to_company "
                    + "GROUP BY from_company, COALESCE(status, '')");
        }
    }
}
