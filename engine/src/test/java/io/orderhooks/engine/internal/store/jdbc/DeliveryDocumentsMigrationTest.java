package io.orderhooks.engine.internal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.store.StoredDeliveryLog;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder written before the deliveries table keeps its delivery records, in order, after the upgrade. */
class DeliveryDocumentsMigrationTest {

    @TempDir
    Path dir;

    @Test
    void deliveryRecordsKeptAsDocumentsMoveToTheDeliveriesTable() throws Exception {
        String url = OlderSchema.h2(dir, "2");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("INSERT INTO documents (tbl, doc_key, doc) VALUES ('deliveries', ?, ?)")) {
            for (String id : new String[] {"old1", "old2"}) {
                ps.setString(1, id);
                ps.setString(2, StoreJson.write(record(id)));
                ps.executeUpdate();
            }
        }
        try (JdbcStore store = JdbcStores.h2(dir)) {
            StoredDeliveryLog log = new StoredDeliveryLog(store);
            assertThat(log.list(DeliveryLog.Query.ALL)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(record("old2"), record("old1"));
            assertThat(store.table(StoredDeliveryLog.DELIVERIES).list()).isEmpty();
        }
    }

    private static DeliveryRecord record(String id) {
        return new DeliveryRecord(id, DeliveryRecord.Kind.POST_WEBHOOK, "Order.Submit", "ep", "http://localhost:9/x", "o1", 1,
                DeliveryRecord.OutcomeKind.DELIVERED, 200, 5, true, null, "ok", null, null,
                Instant.parse("2024-03-01T00:00:00Z"), false, null);
    }
}
