package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.store.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written before unique lookups (schema version 10 or older) gets them on upgrade: usernames and
 * promotion codes already stored are unique from then on, and a duplicate an old race left behind does not stop the
 * engine (the older row keeps the value, nothing is deleted).
 */
class UniqueLookupsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void storedUsernamesAndCodesBecomeUniqueLookupsAndAnOldDuplicateKeepsTheStartGoing() throws Exception {
        String url = OlderSchema.h2(dir, "5");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO documents (tbl, doc_key, lookup, doc) VALUES (?, ?, ?, ?)")) {
            insert(ps, "users", "b1/u1", "ann", User.builder().id("u1").companyID("b1").username("Ann").build());
            insert(ps, "users", "b2/u2", "ann", User.builder().id("u2").companyID("b2").username("ANN").build());
            insert(ps, "promotions", "p1", null, Promotion.builder().id("p1").code("Summer").build());
        }
        try (JdbcStore store = JdbcStores.h2(dir)) {
            assertThat(store.table(Tables.PROMOTIONS).findByLookup("summer")).extracting(Promotion::id).containsExactly("p1");
            assertThat(store.table(Tables.USERS).findByLookup("ann")).extracting(User::id).containsExactly("u1", "u2");
            assertThatThrownBy(() -> store.table(Tables.PROMOTIONS).insert("p2", Promotion.builder().id("p2").code("SUMMER").build()))
                    .isInstanceOf(OrderCloudException.class).hasMessage("This code is already in use on another promotion.");
            assertThatThrownBy(() -> store.table(Tables.USERS).insert("b3/u3", User.builder().id("u3").companyID("b3").username("ann").build()))
                    .isInstanceOf(OrderCloudException.class).hasMessage("Username already exists in this Marketplace.");
            assertThat(store.table(Tables.USERS).find("b3/u3")).isEmpty();
        }
    }

    private static void insert(PreparedStatement ps, String table, String key, String lookup, Object value) throws Exception {
        ps.setString(1, table);
        ps.setString(2, key);
        ps.setString(3, lookup);
        ps.setString(4, StoreJson.write(value));
        ps.executeUpdate();
    }
}
