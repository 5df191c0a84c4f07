package io.orderhooks.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.core.model.CheckoutPayload;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.receiver.ReceiverErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Binds verified body bytes to a {@link CheckoutPayload}; every failure is a 400 naming where it failed. */
final class PayloadParser {

    /**
     * Resolved once: the root deserializer lookup is not repeated per call. Its mapper's field-name table is shared
     * only while it stays small ({@link BoundedNamesFactory}): worksheets carrying ID-keyed {@code xp} names would
     * otherwise copy the table on every parse.
     */
    private static final ObjectReader READER =
            OrderCloudJson.newMapper(BoundedNamesFactory::new).readerFor(CheckoutPayload.class);

    private PayloadParser() {}

    /** The payload of {@code type}: {@code /calculateorderreturn} also needs an {@code OrderReturn} with an ID. */
    static CheckoutPayload parse(byte[] body, CheckoutEventType type) {
        CheckoutPayload payload = parse(body);
        if (type == CheckoutEventType.ORDER_RETURN_CALCULATE) {
            if (payload.orderReturn() == null) {
                throw missing("OrderReturn", null);
            }
            if (payload.orderReturn().id() == null || payload.orderReturn().id().isBlank()) {
                throw missing("OrderReturn.ID", null);
            }
        }
        return payload;
    }

    static CheckoutPayload parse(byte[] body) {
        CheckoutPayload payload;
        try {
            payload = READER.readValue(body);
        } catch (JsonProcessingException e) {
            throw ReceiverErrors.malformedJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (payload == null) {
            throw missing("the body", "a JSON object");
        }
        OrderWorksheet worksheet = payload.orderWorksheet();
        if (worksheet == null) {
            throw missing("OrderWorksheet", null);
        }
        if (worksheet.order() == null) {
            throw missing("OrderWorksheet.Order", null);
        }
        if (worksheet.order().id() == null || worksheet.order().id().isBlank()) {
            throw missing("OrderWorksheet.Order.ID", null);
        }
        checkLines(worksheet.lineItems());
        return payload;
    }

    private static void checkLines(List<LineItem> lines) {
        if (lines == null) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            if (line == null) {
                throw missing(lineAt(i), null);
            }
            if (line.id() == null || line.id().isBlank()) {
                throw missing(lineAt(i) + ".ID", null);
            }
            if (line.quantity() == null) {
                throw missing(lineAt(i) + ".Quantity", null);
            }
        }
    }

    /** The path of line {@code i}, built only for an error (not once per line of every valid payload). */
    private static String lineAt(int i) {
        return "OrderWorksheet.LineItems[" + i + "]";
    }

    private static OrderCloudException missing(String path, String expected) {
        String message = expected == null ? path + " is required" : path + " must be " + expected;
        return new OrderCloudException(400, "Request.InvalidJson", "Malformed JSON at " + path + ": " + message,
                JsonNodeFactory.instance.objectNode().put("Path", path));
    }
}
