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
 * step over real HTTP), checked against numbers this test computes on its own from the seeded catalog: prices
 * from the price breaks plus spec markups, the spending cap's running sums, shipping from the rate card's
 * formula (GROUND $6.00 + $0.60/lb, billable weight rounded up, zone factors 1.00 / 1.15), Minnesota's 6.875%
 * on general goods and shipping (food exempt), and the totals.
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
        ExpectedLunch expected = new ExpectedLunch();
        assertThat(expected.blocked).containsExactly("Alex to $25.50, over its $25.00 budget");
        assertThat(List.of(expected.subtotal, expected.shipping, expected.tax, expected.total)).as("the story as designed")
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("102.95"), new BigDecimal("25.38"), new BigDecimal("4.91"), new BigDecimal("133.24"));

        assertSummary(out, expected);
        assertExport(out, expected);
        assertNarration(out, expected);
    }

    private void assertSummary(String out, ExpectedLunch expected) {
        Map<String, String[]> rows = summaryRows(out);
        String orderID = rows.keySet().iterator().next();
        assertThat(rows.get(orderID)).containsExactly("Incoming", "Completed", money(expected.subtotal),
                money(expected.shipping), money(expected.tax), money(expected.total));
        for (DemoCatalog.Supplier s : DemoCatalog.SUPPLIERS) {
            BigDecimal sub = expected.subtotalBySupplier.get(s.id());
            assertThat(rows.get(orderID + "-" + s.id())).as(s.id())
                    .containsExactly("Outgoing", "Completed", money(sub), "0.00", "0.00", money(sub));
        }
        assertThat(rows).hasSize(3);
    }

    private void assertExport(String out, ExpectedLunch expected) throws java.io.IOException {
        String orderID = summaryRows(out).keySet().iterator().next();
        Matcher exportLine = Pattern.compile("OrderSubmitResponse.xp.ExportID = (\\S+)").matcher(out);
        assertThat(exportLine.find()).as(out).isTrue();
        String exportID = exportLine.group(1);
        assertThat(exportID).matches("EXP-" + Pattern.quote(orderID) + "-[0-9a-f]{10}");
        Path exported = outbox.resolve(orderID + ".json");
        assertThat(exported).exists();
        assertThat(out).contains("Exported files in " + outbox + ": " + orderID + ".json");
        JsonNode document = OrderCloudJson.mapper().readTree(exported.toFile());
        assertThat(document.path("ExportID").asText()).isEqualTo(exportID);
        assertThat(document.path("Totals").path("Total").decimalValue()).isEqualByComparingTo(expected.total);
        List<String> exportedLines = new ArrayList<>();
        document.path("OrderWorksheet").path("LineItems").forEach(l -> exportedLines.add(l.path("ProductID").asText() + " x"
                + l.path("Quantity").asInt() + " = " + money(l.path("LineTotal").decimalValue())));
        assertThat(exportedLines).as("the blocked kombucha is absent").containsExactlyInAnyOrderElementsOf(
                expected.lines.stream().map(l -> l.product().id() + " x" + l.quantity() + " = " + money(l.total())).toList());
    }

    private static void assertNarration(String out, ExpectedLunch expected) {
        String orderID = summaryRows(out).keySet().iterator().next();
        assertThat(out).containsPattern("Alex tries 1 x Ginger kombucha 6-pack: blocked by the GroupOrderSpendingCap"
                + " pre-webhook \\(400 Webhook.Blocked\\): Adding this would bring invitation \\S+ to \\$25.50, over its \\$25.00 budget");
        assertThat(out).contains("selects GROUND for every package: shipping $" + money(expected.shipping))
                .contains("tax $" + money(expected.tax) + "; total $" + money(expected.total))
                .contains("order " + orderID + ": Completed")
                .doesNotContain("Serving until Ctrl-C");
        expected.groundBySupplier.forEach((supplier, ground) -> assertThat(out).containsPattern("package "
                + DemoCatalog.supplier(supplier).shipFrom().id() + " from .* -> GROUND \\$" + Pattern.quote(money(ground)) + ","));

        // the deliveries: one of each checkout event, a pre-webhook per line attempt (5 contributor, 2 Pat) and
        // per accept attempt, a post-webhook per invitation
        assertThat(out).containsPattern("\\s1  CHECKOUT shippingrates DELIVERED\\n")
                .containsPattern("\\s1  CHECKOUT ordercalculate DELIVERED\\n")
                .containsPattern("\\s1  CHECKOUT ordersubmit DELIVERED\\n")
                .containsPattern("\\s5  PRE_WEBHOOK POST v1/cart/lineitems DELIVERED\\n")
                .containsPattern("\\s2  PRE_WEBHOOK POST v1/orders/\\{direction}/\\{orderID}/lineitems DELIVERED\\n")
                .containsPattern("\\s2  PRE_WEBHOOK POST v1/me/productcollections/\\{productCollectionID}/invitations/accept/\\{invitationID} DELIVERED\\n")
                .containsPattern("\\s3  POST_WEBHOOK POST v1/me/orderinvitations DELIVERED\\n")
                .contains("blocked by the InvitationGuard pre-webhook (400 Webhook.Blocked): This invitation is for"
                        + " acme.example addresses; kim@other.org cannot accept it")
                .contains("accepted; Sam now sees collection team-lunch with 4 products");
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
