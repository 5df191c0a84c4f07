package io.orderhooks.engine.internal.store;

import io.orderhooks.core.model.ListPage;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link DeliveryLog} kept in a {@link Store}, so deliveries and dead letters survive a restart (and are shared
 * by engines on one database): the store's own {@link DeliveryTable} when it has one (a database: indexed lookups,
 * lists and pages in SQL), else its {@code deliveries} {@link Table}. A record's ID is taken once (one atomic insert).
 */
public final class StoredDeliveryLog implements DeliveryTable {

    /** key: the record's ID (stores without a {@link DeliveryTable}). */
    public static final Table<DeliveryRecord> DELIVERIES = Table.of("deliveries", DeliveryRecord.class);

    private final Repository<DeliveryRecord> records;
    private final DeliveryTable table;

    public StoredDeliveryLog(Store store) {
        this.table = store.deliveryTable().orElse(null);
        this.records = table == null ? store.table(DELIVERIES) : null;
    }

    @Override
    public void append(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        if (table != null) {
            table.append(record);
            return;
        }
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
        return table != null ? table.find(id) : records.find(id);
    }

    /** Newest first: the reverse of the order records were appended in. */
    @Override
    public List<DeliveryRecord> list(Query query) {
        Objects.requireNonNull(query, "query");
        if (table != null) {
            return table.list(query);
        }
        List<DeliveryRecord> all = records.list();
        List<DeliveryRecord> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (query.matches(all.get(i))) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    @Override
    public <V> ListPage<V> page(ListQuery query, Function<DeliveryRecord, V> view, Class<V> viewType) {
        if (table != null) {
            return table.page(query, view, viewType);
        }
        return query.apply(list(Query.ALL).stream().map(view).toList(), PropertyReaders.forRecord(viewType));
    }
}
