package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 17 (a Java migration: the two databases differ in their generated-column and
 * storage syntax): a cart's row is rewritten about 26 times in a 20-line checkout, and each rewrite changed
 * {@code total}, which two list indexes held ({@code (to_company, status, total)}, V6, and
 * {@code (from_company, status, total)}, V13). So no rewrite of a cart could be a PostgreSQL HOT update: each one
 * added an entry to every index of {@code orders}, the trigram GIN index included.
 * <ul>
 *   <li>{@code orders.listed_total}, a generated column: the order's {@code total} once it has left the cart
 *       phase (any status other than {@value #CART_STATUS}, no status included), NULL for a cart. It changes when an
 *       order is submitted and when a submitted order's total changes, never while a shopper fills a cart.</li>
 *   <li>the two list indexes hold {@code listed_total} instead of {@code total}. A list whose {@code Status}
 *       filters rule carts out (every list these indexes served at a million orders: {@code Status=Completed},
 *       {@code Status=Open|Completed}, ...) sorts and filters on {@code listed_total}, which equals {@code total}
 *       on each of its rows ({@link OrderListSql}); a list that may hold carts reads {@code total}, which no index
 *       holds now.</li>
 *   <li>PostgreSQL: {@code orders} pages are filled to {@value #FILLFACTOR} % by inserts, so that the page of a
 *       cart keeps room for the row's next version (a HOT update must put it on the same page). Pages written
 *       before this version keep their fill until they are rewritten.</li>
 * </ul>
 */
@SuppressWarnings("checkstyle:TypeName")
final class V17__cart_updates_without_index_writes extends BaseJavaMigration {

    /** The {@code status} value of a cart (the wire name of {@code OrderStatus.Unsubmitted}). */
    static final String CART_STATUS = "Unsubmitted";

    /** PostgreSQL: the percentage of an {@code orders} page that inserts fill. */
    static final int FILLFACTOR = 70;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE orders ADD COLUMN listed_total DECIMAL(38, 10) GENERATED ALWAYS AS "
                    + "(CASE WHEN status = '" + CART_STATUS + "' THEN NULL ELSE total END)" + (pg ? " STORED" : ""));
            // as V13: PostgreSQL holds the ID columns in INCLUDE, H2 as plain key columns
            String ids = pg ? ") INCLUDE (id_lower, id)" : ", id_lower, id)";
            st.execute("CREATE INDEX orders_by_to_company_status_listed_total ON orders (to_company, status, listed_total)");
            st.execute("CREATE INDEX orders_by_from_company_status_listed_total ON orders "
                    + "(from_company, status, listed_total" + ids);
            st.execute("DROP INDEX orders_by_to_company_status_total");
            st.execute("DROP INDEX orders_by_from_company_status_total");
            if (pg) {
                st.execute("ALTER TABLE orders SET (fillfactor = " + FILLFACTOR + ")");
            }
        }
    }
}
