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

    private static final BigDecimal MN_GENERAL = new BigDecimal("6.875");
    private static final Pattern ROW = Pattern.compile(
            "(\\S+)\\s+(Incoming|Outgoing)\\s+(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)\\s+\\$(\\S+)");

    @TempDir
    Path outbox;

    /** A line the test expects on the order: who, product, quantity, unit price, line total. */
    record Line(String who, DemoCatalog.Product product, int quantity, BigDecimal unitPrice, BigDecimal total) {}

    @Test
    void tellsTheWholeStoryOverHttpAndItsNumbersMatchAnIndependentCalculation() throws Exception {
        StringWriter printed = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(printed)).execute("--engine-port", "0",
                "--middleware-port", "0", "--outbox", outbox.toString(), "--exit");
        String out = printed.toString();
        assertThat(exit).as(out).isZero();

        List<Line> lines = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        LunchGroupOrder.PAT_PICKS.forEach(p -> lines.add(line("Pat", p)));
        for (LunchGroupOrder.Contributor c : LunchGroupOrder.CONTRIBUTORS) {
            BigDecimal spent = BigDecimal.ZERO;
            for (LunchGroupOrder.Pick p : c.picks()) {
                Line l = line(c.name(), p);
                if (spent.add(l.total()).compareTo(LunchGroupOrder.BUDGET) > 0) {
                    blocked.add(c.name() + " to $" + spent.add(l.total()) + ", over its $" + LunchGroupOrder.BUDGET + " budget");
                } else {
                    spent = spent.add(l.total());
                    lines.add(l);
                }
            }
        }
        assertThat(blocked).containsExactly("Alex to $25.50, over its $25.00 budget");

        Map<String, BigDecimal> subtotalBySupplier = new LinkedHashMap<>();
        Map<String, BigDecimal> poundsBySupplier = new LinkedHashMap<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal lineTax = BigDecimal.ZERO;
        for (Line l : lines) {
            String supplier = l.product().supplierID();
            subtotalBySupplier.merge(supplier, l.total(), BigDecimal::add);
            poundsBySupplier.merge(supplier, new BigDecimal(l.product().shipWeight()).multiply(BigDecimal.valueOf(l.quantity())),
                    BigDecimal::add);
            subtotal = subtotal.add(l.total());
            BigDecimal rate = "food".equals(l.product().taxCategory()) ? BigDecimal.ZERO : MN_GENERAL;
            lineTax = lineTax.add(l.total().multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal shipping = BigDecimal.ZERO;
        for (String supplier : poundsBySupplier.keySet()) {
            boolean local = DemoCatalog.supplier(supplier).shipFrom().state().equals(DemoCatalog.MINNEAPOLIS.state());
            BigDecimal factor = local ? BigDecimal.ONE : new BigDecimal("1.15"); // WI borders MN: zone 2
            BigDecimal billable = poundsBySupplier.get(supplier).setScale(0, RoundingMode.CEILING);
            BigDecimal ground = new BigDecimal("6.00").add(new BigDecimal("0.60").multiply(billable)).multiply(factor)
                    .setScale(2, RoundingMode.HALF_UP);
            assertThat(subtotalBySupplier.get(supplier)).as("no package reaches free ground shipping").isLessThan(new BigDecimal("100"));
            shipping = shipping.add(ground);
        }
        BigDecimal tax = lineTax.add(shipping.multiply(MN_GENERAL).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        BigDecimal total = subtotal.add(shipping).add(tax);
        assertThat(List.of(subtotal, shipping, tax, total)).as("the story as designed")
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("102.95"), new BigDecimal("25.38"), new BigDecimal("4.91"), new BigDecimal("133.24"));

        Map<String, String[]> rows = summaryRows(out);
        String orderID = rows.keySet().iterator().next();
        assertThat(rows.get(orderID)).containsExactly("Incoming", "Completed", money(subtotal), money(shipping), money(tax), money(total));
        for (DemoCatalog.Supplier s : DemoCatalog.SUPPLIERS) {
            BigDecimal sub = subtotalBySupplier.get(s.id());
            assertThat(rows.get(orderID + "-" + s.id())).as(s.id())
                    .containsExactly("Outgoing", "Completed", money(sub), "0.00", "0.00", money(sub));
        }
        assertThat(rows).hasSize(3);

        assertThat(out).containsPattern("Alex tries 1 x Ginger kombucha 6-pack: blocked by the GroupOrderSpendingCap"
                + " pre-webhook \\(400 Webhook.Blocked\\): Adding this would bring invitation \\S+ to \\$25.50, over its \\$25.00 budget");
        assertThat(out).contains("selects GROUND for every package: shipping $" + money(shipping))
                .contains("tax $" + money(tax) + "; total $" + money(total))
                .contains("order " + orderID + ": Completed")
                .doesNotContain("Serving until Ctrl-C");

        Matcher exportLine = Pattern.compile("OrderSubmitResponse.xp.ExportID = (\\S+)").matcher(out);
        assertThat(exportLine.find()).as(out).isTrue();
        String exportID = exportLine.group(1);
        assertThat(exportID).matches("EXP-" + Pattern.quote(orderID) + "-[0-9a-f]{10}");
        Path exported = outbox.resolve(orderID + ".json");
        assertThat(exported).exists();
        assertThat(out).contains("Exported files in " + outbox + ": " + orderID + ".json");
        JsonNode document = OrderCloudJson.mapper().readTree(exported.toFile());
        assertThat(document.path("ExportID").asText()).isEqualTo(exportID);
        assertThat(document.path("Totals").path("Total").decimalValue()).isEqualByComparingTo(total);
        List<String> exportedLines = new ArrayList<>();
        document.path("OrderWorksheet").path("LineItems").forEach(l -> exportedLines.add(l.path("ProductID").asText() + " x"
                + l.path("Quantity").asInt() + " = " + money(l.path("LineTotal").decimalValue())));
        assertThat(exportedLines).as("the blocked kombucha is absent").containsExactlyInAnyOrderElementsOf(
                lines.stream().map(l -> l.product().id() + " x" + l.quantity() + " = " + money(l.total())).toList());

        // the deliveries: one of each checkout event, a pre-webhook per line attempt (5 contributor, 2 Pat) and
        // per accept attempt, a post-webhook per invitation
        assertThat(out).containsPattern("\\s1  CHECKOUT shippingrates DELIVERED\\n")
                .containsPattern("\\s1  CHECKOUT ordercalculate DELIVERED\\n")
                .containsPattern("\\s1  CHECKOUT ordersubmit DELIVERED\\n")
                .containsPattern("\\s5  PRE_WEBHOOK POST v1/cart/lineitems DELIVERED\\n")
                .containsPattern("\\s2  PRE_WEBHOOK POST v1/me/productcollections/\\{productCollectionID}/invitations/accept/\\{invitationID} DELIVERED\\n")
                .containsPattern("\\s3  POST_WEBHOOK POST v1/me/orderinvitations DELIVERED\\n")
                .contains("blocked by the InvitationGuard pre-webhook (400 Webhook.Blocked): This invitation is for"
                        + " acme.example addresses; kim@other.org cannot accept it")
                .contains("accepted; Sam now sees collection team-lunch with 4 products");
    }

    /** The price: the largest break at or below the quantity, plus the option's markup per unit. */
    private static Line line(String who, LunchGroupOrder.Pick pick) {
        DemoCatalog.Product product = DemoCatalog.product(pick.productID());
        BigDecimal unit = null;
        for (DemoCatalog.Break b : product.breaks()) {
            if (b.quantity() <= pick.quantity()) {
                unit = new BigDecimal(b.price());
            }
        }
        if (pick.optionID() != null) {
            unit = unit.add(new BigDecimal(product.option(pick.optionID()).orElseThrow().markup()));
        }
        return new Line(who, product, pick.quantity(), unit, unit.multiply(BigDecimal.valueOf(pick.quantity())));
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
