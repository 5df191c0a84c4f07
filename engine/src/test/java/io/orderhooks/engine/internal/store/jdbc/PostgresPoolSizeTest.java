package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The PostgreSQL pool's size: the default, and one given, opens at most that many server connections. */
class PostgresPoolSizeTest {

    @Test
    void theDefaultPoolIsSixteenConnections() {
        try (JdbcStore store = JdbcStores.postgresql(TestPostgres.freshDatabase(), "postgres", "postgres")) {
            assertThat(store.maxConnections()).isEqualTo(JdbcStores.POSTGRESQL_POOL_SIZE).isEqualTo(16);
        }
    }

    @Test
    void aPoolOfTwoHoldsTwoServerConnections() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (JdbcStore store = JdbcStores.postgresql(url, "postgres", "postgres", 2);
                Connection first = store.pooledConnection(); Connection second = store.pooledConnection();
                Statement st = first.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()")) {
            assertThat(store.maxConnections()).isEqualTo(2);
            assertThat(second.isValid(5)).isTrue();
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2); // both held by the test; the pool opens no third
        }
    }
}
