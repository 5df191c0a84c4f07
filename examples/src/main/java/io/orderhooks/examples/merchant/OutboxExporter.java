package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderApprovedResponse;
import io.orderhooks.core.model.OrderSubmitResponse;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.CheckoutException;
import io.orderhooks.events.OrderApprovedHandler;
import io.orderhooks.events.OrderSubmitHandler;
import io.orderhooks.examples.merchant.internal.WriteOnceFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports each submitted (or approved) order to a downstream system through an outbox folder: one JSON
 * document per order, {@code {outbox}/{orderID}.json}, holding {@code ExportID}, {@code OrderID},
 * {@code Event}, {@code Environment}, {@code ExportedAt}, the order's {@code Totals} and the whole
 * {@code OrderWorksheet}, as compact JSON. Answers {@code {"xp":{"ExportID":"EXP-{orderID}-{hash}"}}}, where the hash is the
 * first 10 hex digits of the SHA-256 of the worksheet.
 *
 * <p>Never twice: the file is published all or nothing and at most once ({@link WriteOnceFiles}). If the
 * order's document already exists (a redelivery after a restart, another instance, a concurrent call), it is
 * left untouched and its stored {@code ExportID} is answered. A downstream reader should skip hidden
 * {@code .*.tmp} files, which are writes in progress.
 *
 * <p>Failures: an order ID that is missing or not a safe file name (letters, digits, {@code - _ .}, not
 * starting with a dot, at most 100) is refused with 400 {@code Export.InvalidOrderID}; any I/O failure is
 * logged with its cause and answered 500 {@code Export.Failed}, so OrderCloud records it and a redelivery
 * retries. Thread-safe.
 */
public final class OutboxExporter implements OrderSubmitHandler, OrderApprovedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxExporter.class);
    private static final byte[] WORKSHEET_FIELD = ",\"OrderWorksheet\":".getBytes(StandardCharsets.UTF_8);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");

    private final Path outbox;
    private final Clock clock;

    /**
     * @param outbox the folder to write to; created on first export if missing
     * @param clock stamps {@code ExportedAt}
     */
    public OutboxExporter(Path outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public OrderSubmitResponse submit(CheckoutEvent event) {
        return new OrderSubmitResponse(null, null, exportXp(event), null);
    }

    @Override
    public OrderApprovedResponse approved(CheckoutEvent event) {
        return new OrderApprovedResponse(null, null, exportXp(event), null);
    }

    /** The outbox file of {@code orderID}. */
    public Path documentOf(String orderID) {
        return outbox.resolve(orderID + ".json");
    }

    /**
     * Writes the event's order to the outbox unless it is there already.
     *
     * @return the export ID of the order's document
     * @throws CheckoutException {@code Export.InvalidOrderID} (400) or {@code Export.Failed} (500)
     */
    public String export(CheckoutEvent event) {
        String orderID = checkedOrderID(event.orderID());
        Path document = documentOf(orderID);
        try {
            if (Files.exists(document)) {
                return storedExportID(document, orderID);
            }
            byte[] worksheet = OrderCloudJson.mapper().writeValueAsBytes(event.worksheet());
            String exportID = "EXP-" + orderID + "-" + HexFormat.of().formatHex(sha256(worksheet), 0, 5);
            byte[] bytes = document(event, exportID, worksheet);
            if (WriteOnceFiles.createOnce(outbox, document.getFileName().toString(), bytes)) {
                LOG.info("Exported order {} on {} as {}", orderID, event.type().suffix(), exportID);
                return exportID;
            }
            return storedExportID(document, orderID);
        } catch (IOException e) {
            LOG.error("Exporting order {} to outbox {} failed", orderID, outbox, e);
            throw new CheckoutException("Export.Failed", "Order " + orderID + " could not be exported to the outbox ("
                    + e.getClass().getSimpleName() + ")", JsonNodeFactory.instance.objectNode().put("OrderID", orderID), 500);
        }
    }

    private JsonNode exportXp(CheckoutEvent event) {
        return JsonNodeFactory.instance.objectNode().put("ExportID", export(event));
    }

    /**
     * The outbox document as compact JSON: the header fields, then {@code OrderWorksheet} as the very bytes the
     * export ID was hashed from (the worksheet is serialized once, not again as a tree and a second time pretty).
     */
    private byte[] document(CheckoutEvent event, String exportID, byte[] worksheet) throws IOException {
        Order order = event.worksheet().order();
        ObjectNode head = JsonNodeFactory.instance.objectNode().put("ExportID", exportID).put("OrderID", order.id())
                .put("Event", event.type().suffix()).put("Environment", event.environment())
                .put("ExportedAt", clock.instant().toString());
        head.putObject("Totals").put("Currency", order.currency()).put("Subtotal", order.subtotal())
                .put("PromotionDiscount", order.promotionDiscount()).put("ShippingCost", order.shippingCost())
                .put("TaxCost", order.taxCost()).put("Total", order.total());
        byte[] start = OrderCloudJson.mapper().writeValueAsBytes(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream(start.length + WORKSHEET_FIELD.length + worksheet.length + 1);
        out.write(start, 0, start.length - 1); // the head without its closing brace
        out.write(WORKSHEET_FIELD);
        out.write(worksheet);
        out.write('}');
        return out.toByteArray();
    }

    private static String storedExportID(Path document, String orderID) throws IOException {
        JsonNode stored = OrderCloudJson.mapper().readTree(document.toFile());
        JsonNode exportID = stored == null ? null : stored.get("ExportID");
        if (exportID == null || !exportID.isTextual()) {
            throw new IOException("the outbox document of order " + orderID + " has no ExportID");
        }
        return exportID.asText();
    }

    private static String checkedOrderID(String orderID) {
        if (orderID == null || !SAFE_ID.matcher(orderID).matches()) {
            throw new CheckoutException("Export.InvalidOrderID", "Order ID " + (orderID == null ? "is missing"
                    : "'" + orderID + "' cannot name an outbox file (letters, digits, - _ . only, at most 100)"));
        }
        return orderID;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
