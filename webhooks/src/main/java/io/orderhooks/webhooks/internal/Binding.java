package io.orderhooks.webhooks.internal;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orderhooks.core.json.OrderCloudJson;

/**
 * The shared JSON configuration, plus case-insensitive property matching: OrderCloud's SDK reads route
 * parameters ignoring case ({@code orderID} fits a property {@code OrderID}).
 */
public final class Binding {

    private static final ObjectMapper CASE_INSENSITIVE = ((JsonMapper) OrderCloudJson.newMapper()).rebuild()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private Binding() {}

    public static ObjectReader caseInsensitiveReaderFor(Class<?> type) {
        return CASE_INSENSITIVE.readerFor(type);
    }
}
