package io.orderhooks.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's numbers, computed here from the seeded catalog's inputs only (breaks, markups, weights, tax
 * categories, supplier states) with the merchant's published rules written out again: the largest price break at
 * or below the quantity plus the option's markup per unit; the spending cap refuses a line that takes a
 * contributor past the budget; GROUND = ($6.00 + $0.60 x whole pounds rounded up) x zone factor (1.00 within a
 * state, 1.15 between Minnesota and Wisconsin), free from $100 of merchandise per package; sales tax on general
 * goods and on shipping at 6.875% in Minnesota and 5% in Wisconsin, food exempt, half-up to the cent per line.
 */
final class ExpectedOrder {

    private static final Map<String, BigDecimal> GENERAL_RATE = Map.of("MN", new BigDecimal("6.875"), "WI", new BigDecimal("5"));

    /** A line the order should hold. */
    record Line(DemoCatalog.Product product, int quantity, BigDecimal unitPrice, BigDecimal total) {}

    final List<Line> lines = new ArrayList<>();
    final List<String> blocked = new ArrayList<>();
    final Map<String, BigDecimal> subtotalBySupplier = new LinkedHashMap<>();
    final Map<String, BigDecimal> groundBySupplier = new LinkedHashMap<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal shipping = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal total;

    /** Pat's picks, then each contributor's within the budget; shipped to Minneapolis. */
    static ExpectedOrder lunch() {
        ExpectedOrder o = new ExpectedOrder();
        LunchGroupOrder.PAT_PICKS.forEach(p -> o.lines.add(line(p)));
        for (LunchGroupOrder.Contributor c : LunchGroupOrder.CONTRIBUTORS) {
            BigDecimal spent = BigDecimal.ZERO;
            for (LunchGroupOrder.Pick p : c.picks()) {
                Line l = line(p);
                if (spent.add(l.total()).compareTo(LunchGroupOrder.BUDGET) > 0) {
                    o.blocked.add(c.name() + " to $" + spent.add(l.total()) + ", over its $" + LunchGroupOrder.BUDGET + " budget");
                } else {
                    spent = spent.add(l.total());
                    o.lines.add(l);
                }
            }
        }
        return o.priced(DemoCatalog.MINNEAPOLIS.state());
    }

    /** Sam's picks with the bowls raised by Kim, then Kim's; shipped to Hudson, WI. */
    static ExpectedOrder sharedCart() {
        ExpectedOrder o = new ExpectedOrder();
        LunchGroupOrder.Pick bowls = SharedCartStory.SAM_PICKS.get(0);
        o.lines.add(line(new LunchGroupOrder.Pick(bowls.productID(), SharedCartStory.KIM_BOWLS, bowls.optionID())));
        SharedCartStory.SAM_PICKS.stream().skip(1).forEach(p -> o.lines.add(line(p)));
        SharedCartStory.KIM_PICKS.forEach(p -> o.lines.add(line(p)));
        return o.priced(DemoCatalog.HUDSON.state());
    }

    private ExpectedOrder priced(String state) {
        Map<String, BigDecimal> pounds = new LinkedHashMap<>();
        BigDecimal rate = GENERAL_RATE.get(state);
        for (Line l : lines) {
            subtotalBySupplier.merge(l.product().supplierID(), l.total(), BigDecimal::add);
            pounds.merge(l.product().supplierID(), new BigDecimal(l.product().shipWeight()).multiply(BigDecimal.valueOf(l.quantity())),
                    BigDecimal::add);
            subtotal = subtotal.add(l.total());
            tax = tax.add(cents(l.total().multiply("food".equals(l.product().taxCategory()) ? BigDecimal.ZERO : rate)));
        }
        pounds.forEach((supplier, lb) -> {
            boolean local = DemoCatalog.supplier(supplier).shipFrom().state().equals(state);
            BigDecimal factor = local ? BigDecimal.ONE : new BigDecimal("1.15");
            BigDecimal ground = subtotalBySupplier.get(supplier).compareTo(new BigDecimal("100")) >= 0 ? BigDecimal.ZERO
                    : new BigDecimal("6.00").add(new BigDecimal("0.60").multiply(lb.setScale(0, RoundingMode.CEILING)))
                            .multiply(factor).setScale(2, RoundingMode.HALF_UP);
            groundBySupplier.put(supplier, ground);
            shipping = shipping.add(ground);
        });
        tax = tax.add(cents(shipping.multiply(rate)));
        total = subtotal.add(shipping).add(tax);
        return this;
    }

    /** {@code amount x percent / 100}, half-up to the cent. */
    private static BigDecimal cents(BigDecimal amountTimesPercent) {
        return amountTimesPercent.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static Line line(LunchGroupOrder.Pick pick) {
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
        return new Line(product, pick.quantity(), unit, unit.multiply(BigDecimal.valueOf(pick.quantity())));
    }
}
