package io.orderhooks.examples.demo;

import static io.orderhooks.examples.demo.Narrator.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo's closing table, read back through the API as the marketplace owner: every order of the story with
 * its status and amounts, the engine's deliveries to the middleware ({@code GET v1/deliveries}) by kind, subject
 * and outcome, and the outbox files of those orders.
 */
final class DemoSummary {

    /** One order as the API reports it. */
    record OrderRow(String id, String direction, String status, BigDecimal subtotal, BigDecimal shipping, BigDecimal tax,
            BigDecimal total) {}

    /** What the table shows. */
    record Table(List<OrderRow> orders, Map<String, Long> deliveries, Path outbox, List<String> exportedFiles) {}

    private DemoSummary() {}

    /**
     * Reads the orders (each buyer order, {@code Incoming} to the marketplace, followed by its supplier orders,
     * {@code Outgoing}), the deliveries and the files.
     *
     * @param supplierOrderIDs the supplier orders of each buyer order, by buyer order ID, in story order
     */
    static Table read(OrderCloudClient api, String adminToken, Map<String, List<String>> supplierOrderIDs, Path outbox) {
        List<OrderRow> orders = new ArrayList<>();
        supplierOrderIDs.forEach((buyerOrderID, forwarded) -> {
            orders.add(row(api.get("v1/orders/Incoming/" + buyerOrderID, adminToken), "Incoming"));
            forwarded.forEach(id -> orders.add(row(api.get("v1/orders/Outgoing/" + id, adminToken), "Outgoing")));
        });
        Map<String, Long> deliveries = new TreeMap<>();
        for (JsonNode d : api.listAll("v1/deliveries", adminToken)) {
            deliveries.merge(d.path("Kind").asText() + " " + d.path("Subject").asText() + " " + d.path("Outcome").asText(),
                    1L, Long::sum);
        }
        return new Table(orders, deliveries, outbox, files(outbox, orders.stream().map(OrderRow::id).toList()));
    }

    static void print(Table table, Narrator say) {
        say.line(String.format("%-38s %-9s %-10s %9s %9s %8s %9s", "Order", "Direction", "Status", "Subtotal", "Shipping",
                "Tax", "Total"));
        for (OrderRow o : table.orders()) {
            say.line(String.format("%-38s %-9s %-10s %9s %9s %8s %9s", o.id(), o.direction(), o.status(), money(o.subtotal()),
                    money(o.shipping()), money(o.tax()), money(o.total())));
        }
        say.line("");
        say.line("Deliveries engine -> middleware (GET v1/deliveries), by kind, subject and outcome:");
        table.deliveries().forEach((what, count) -> say.line(String.format("%5d  %s", count, what)));
        say.line("");
        say.line("Exported files in " + table.outbox() + ": " + (table.exportedFiles().isEmpty() ? "none" : String.join(", ", table.exportedFiles())));
    }

    private static OrderRow row(JsonNode o, String direction) {
        return new OrderRow(o.path("ID").asText(), direction, o.path("Status").asText(), amount(o, "Subtotal"),
                amount(o, "ShippingCost"), amount(o, "TaxCost"), amount(o, "Total"));
    }

    private static BigDecimal amount(JsonNode o, String field) {
        return o.path(field).isNumber() ? o.path(field).decimalValue() : null;
    }

    /** The outbox files of this run's orders (the folder may hold earlier runs' too). */
    private static List<String> files(Path outbox, List<String> orderIDs) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> orderIDs.stream().anyMatch(id -> name.equals(id + ".json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outbox " + outbox, e);
        }
    }
}
