package io.orderhooks.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as {@code java -jar orderhooks.jar --exit} runs it (engine and middleware on random ports, every
 * step over real HTTP): the printed summary, narration and exported files are checked against numbers
 * {@link ExpectedOrder} computes on its own from the seeded catalog for the lunch group order and the shared cart.
 */
class DemoStoryAcceptanceTest {

    private static final Pattern ROW = Pattern.compile(
            "(\\S+)\\s+(Incoming|Outgoing)\\s+(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)");

    @TempDir
    Path outbox;

    @Test
    void tellsTheWholeStoryOverHttpAndItsNumbersMatchAnIndependentCalculation() throws Exception {
        StringWriter printed = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(printed)).execute("--engine-port", "0",
                "--middleware-port", "0", "--outbox", outbox.toString(), "--exit");
        String out = printed.toString();
        assertThat(exit).as(out).isZero();
        Matcher state = Pattern.compile("state: h2 (\\S+) \\(a fresh folder for this run, deleted when the demo stops").matcher(out);
        assertThat(state.find()).as(out).isTrue();
        assertThat(java.nio.file.Path.of(state.group(1))).as("the run's fresh H2 folder, deleted at the end").doesNotExist();
        ExpectedOrder lunch = ExpectedOrder.lunch();
        ExpectedOrder shared = ExpectedOrder.sharedCart();
        assertThat(lunch.blocked).containsExactly("Alex to $25.50, over its $25.00 budget");
        assertThat(amounts(lunch)).as("the lunch as designed").containsExactly("102.95", "25.38", "4.91", "133.24");
        assertThat(amounts(shared)).as("the shared cart as designed").containsExactly("139.40", "8.97", "1.15", "149.52");

        Map<String, String[]> rows = summaryRows(out);
        List<String> buyerOrders = rows.entrySet().stream().filter(e -> e.getValue()[0].equals("Incoming")).map(Map.Entry::getKey).toList();
        assertThat(buyerOrders).hasSize(2);
        assertThat(rows).hasSize(6);
        assertOrder(rows, buyerOrders.get(0), lunch, "Completed");
        assertOrder(rows, buyerOrders.get(1), shared, "Open");

        Matcher exportLines = Pattern.compile("OrderSubmitResponse.xp.ExportID = (\\S+)").matcher(out);
        for (String orderID : buyerOrders) {
            assertThat(exportLines.find()).as(out).isTrue();
            assertExport(orderID, exportLines.group(1), orderID.equals(buyerOrders.get(0)) ? lunch : shared);
        }
        assertThat(out).contains("Exported files in " + outbox + ": " + buyerOrders.stream().sorted().map(id -> id + ".json")
                .collect(java.util.stream.Collectors.joining(", ")) + "\n");
        assertNarration(out, buyerOrders.get(0), lunch, shared);
    }

    private static List<String> amounts(ExpectedOrder o) {
        return List.of(money(o.subtotal), money(o.shipping), money(o.tax), money(o.total));
    }

    /** The buyer order's row and its two supplier orders' rows in the summary table. */
    private static void assertOrder(Map<String, String[]> rows, String orderID, ExpectedOrder expected, String status) {
        assertThat(rows.get(orderID)).containsExactly("Incoming", status, money(expected.subtotal), money(expected.shipping),
                money(expected.tax), money(expected.total));
        for (DemoCatalog.Supplier s : DemoCatalog.SUPPLIERS) {
            BigDecimal sub = expected.subtotalBySupplier.get(s.id());
            assertThat(rows.get(orderID + "-" + s.id())).as(s.id())
                    .containsExactly("Outgoing", status, money(sub), "0.00", "0.00", money(sub));
        }
    }

    private void assertExport(String orderID, String exportID, ExpectedOrder expected) throws java.io.IOException {
        assertThat(exportID).matches("EXP-" + Pattern.quote(orderID) + "-[0-9a-f]{10}");
        Path exported = outbox.resolve(orderID + ".json");
        assertThat(exported).exists();
        JsonNode document = OrderCloudJson.mapper().readTree(exported.toFile());
        assertThat(document.path("ExportID").asText()).isEqualTo(exportID);
        assertThat(document.path("Totals").path("Total").decimalValue()).isEqualByComparingTo(expected.total);
        List<String> exportedLines = new ArrayList<>();
        document.path("OrderWorksheet").path("LineItems").forEach(l -> exportedLines.add(l.path("ProductID").asText() + " x"
                + l.path("Quantity").asInt() + " = " + money(l.path("LineTotal").decimalValue())));
        assertThat(exportedLines).as("exactly the expected lines (the blocked kombucha is absent)").containsExactlyInAnyOrderElementsOf(
                expected.lines.stream().map(l -> l.product().id() + " x" + l.quantity() + " = " + money(l.total())).toList());
    }

    private static void assertNarration(String out, String lunchID, ExpectedOrder lunch, ExpectedOrder shared) {
        assertThat(out).containsPattern("Alex tries 1 x Ginger kombucha 6-pack: blocked by the GroupOrderSpendingCap"
                + " pre-webhook \\(400 Webhook.Blocked\\): Adding this would bring invitation \\S+ to \\$25.50, over its \\$25.00 budget");
        for (ExpectedOrder o : List.of(lunch, shared)) {
            assertThat(out).contains("selects GROUND for every package: shipping $" + money(o.shipping))
                    .contains("tax $" + money(o.tax) + "; total $" + money(o.total));
            o.groundBySupplier.forEach((supplier, ground) -> assertThat(out).containsPattern("package "
                    + DemoCatalog.supplier(supplier).shipFrom().id() + " from .* -> GROUND \\$" + Pattern.quote(money(ground)) + ","));
        }
        assertThat(out).contains("order " + lunchID + ": Completed")
                .contains("Kim raises the bowls: 10 x Harvest grain bowl (Size: Regular) at $10.25 = $102.50 (the 10+ price break)")
                .contains("created by sam, last modified by kim, submitted by kim")
                .contains("blocked by the InvitationGuard pre-webhook (400 Webhook.Blocked): This invitation is for"
                        + " acme.example addresses; kim@other.org cannot accept it")
                .contains("accepted; Sam now sees collection team-lunch with 4 products")
                .doesNotContain("Serving until Ctrl-C");
        // one of each checkout event per order; a pre-webhook per line attempt on the cart (5 contributors, Sam 2,
        // Kim 1 + 1 change) and on the order (Pat 2), one per accept attempt; a post-webhook per invitation
        assertThat(out).containsPattern("\\s2  CHECKOUT shippingrates DELIVERED\\n")
                .containsPattern("\\s2  CHECKOUT ordercalculate DELIVERED\\n")
                .containsPattern("\\s2  CHECKOUT ordersubmit DELIVERED\\n")
                .containsPattern("\\s8  PRE_WEBHOOK POST v1/cart/lineitems DELIVERED\\n")
                .containsPattern("\\s1  PRE_WEBHOOK PATCH v1/cart/lineitems/\\{lineItemID} DELIVERED\\n")
                .containsPattern("\\s2  PRE_WEBHOOK POST v1/orders/\\{direction}/\\{orderID}/lineitems DELIVERED\\n")
                .containsPattern("\\s2  PRE_WEBHOOK POST v1/me/productcollections/\\{productCollectionID}/invitations/accept/\\{invitationID} DELIVERED\\n")
                .containsPattern("\\s3  POST_WEBHOOK POST v1/me/orderinvitations DELIVERED\\n")
                .containsPattern("\\s1  POST_WEBHOOK POST v1/me/productcollections/\\{productCollectionID}/invitations DELIVERED\\n");
    }

    /** The summary table's rows by order ID: direction, status, subtotal, shipping, tax, total (without $). */
    private static Map<String, String[]> summaryRows(String out) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(out.substring(out.indexOf("Summary")));
        while (m.find()) {
            rows.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)});
        }
        return rows;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
