package io.orderhooks.engine.internal.store;

import io.orderhooks.core.model.ListPage;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import java.util.function.Function;

/**
 * A store's own table of delivery records (a database store's {@code deliveries} table): a {@link DeliveryLog}
 * whose lookups and lists are indexed queries, plus list-grammar pages answered by the database.
 */
public interface DeliveryTable extends DeliveryLog {

    /**
     * One page of {@code v1/deliveries}: exactly what {@code query.apply} gives over every record, newest first,
     * mapped by {@code view} to {@code viewType} (whose wire names the query's properties are).
     */
    <V> ListPage<V> page(ListQuery query, Function<DeliveryRecord, V> view, Class<V> viewType);
}
