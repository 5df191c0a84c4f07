package io.orderhooks.engine.internal.store;

import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DeliveryLog} kept in a {@link Store}'s {@code deliveries} table, so deliveries and dead letters survive
 * a restart (and are shared by engines on one database). A record's ID is taken once (one atomic insert).
 */
public final class StoredDeliveryLog implements DeliveryLog {

    /** key: the record's ID. */
    public static final Table<DeliveryRecord> DELIVERIES = Table.of("deliveries", DeliveryRecord.class);

    private final Repository<DeliveryRecord> records;

    public StoredDeliveryLog(Store store) {
        this.records = store.table(DELIVERIES);
    }

    @Override
    public void append(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            records.insert(record.id(), record);
        } catch (io.orderhooks.core.error.OrderCloudException e) {
            if ("IdExists".equals(e.errorCode())) {
                throw new IllegalArgumentException("a record with ID " + record.id() + " is already logged", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<DeliveryRecord> find(String id) {
        return records.find(id);
    }

    /** Newest first: the reverse of the order records were appended in. */
    @Override
    public List<DeliveryRecord> list(Query query) {
        Objects.requireNonNull(query, "query");
        List<DeliveryRecord> all = records.list();
        List<DeliveryRecord> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (query.matches(all.get(i))) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
