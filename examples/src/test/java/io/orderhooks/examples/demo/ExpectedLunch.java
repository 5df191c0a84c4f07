package io.orderhooks.examples.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lunch order's numbers, computed here from the seeded catalog's inputs only (breaks, markups, weights, tax
 * categories, supplier states) with the merchant's published rules written out again: the largest price break at
 * or below the quantity plus the option's markup per unit; the spending cap refuses a line that takes a
 * contributor past the budget; GROUND = ($6.00 + $0.60 x whole pounds rounded up) x zone factor (1.00 within a
 * state, 1.15 to a neighbouring one), free from $100 of merchandise; Minnesota tax 6.875% on general goods and on
 * shipping, food exempt, each line rounded half-up to the cent.
 */
final class ExpectedLunch {

    static final BigDecimal MN_GENERAL = new BigDecimal("6.875");

    /** A line the order should hold. */
    record Line(String who, DemoCatalog.Product product, int quantity, BigDecimal unitPrice, BigDecimal total) {}

    final List<Line> lines = new ArrayList<>();
    final List<String> blocked = new ArrayList<>();
    final Map<String, BigDecimal> subtotalBySupplier = new LinkedHashMap<>();
    final Map<String, BigDecimal> groundBySupplier = new LinkedHashMap<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal shipping = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal total;

    ExpectedLunch() {
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
        Map<String, BigDecimal> pounds = new LinkedHashMap<>();
        for (Line l : lines) {
            subtotalBySupplier.merge(l.product().supplierID(), l.total(), BigDecimal::add);
            pounds.merge(l.product().supplierID(), new BigDecimal(l.product().shipWeight()).multiply(BigDecimal.valueOf(l.quantity())),
                    BigDecimal::add);
            subtotal = subtotal.add(l.total());
            tax = tax.add(cents(l.total().multiply("food".equals(l.product().taxCategory()) ? BigDecimal.ZERO : MN_GENERAL)));
        }
        pounds.forEach((supplier, lb) -> {
            boolean local = DemoCatalog.supplier(supplier).shipFrom().state().equals(DemoCatalog.MINNEAPOLIS.state());
            BigDecimal factor = local ? BigDecimal.ONE : new BigDecimal("1.15"); // Madison, WI -> Minneapolis: zone 2
            BigDecimal ground = subtotalBySupplier.get(supplier).compareTo(new BigDecimal("100")) >= 0 ? BigDecimal.ZERO
                    : new BigDecimal("6.00").add(new BigDecimal("0.60").multiply(lb.setScale(0, RoundingMode.CEILING)))
                            .multiply(factor).setScale(2, RoundingMode.HALF_UP);
            groundBySupplier.put(supplier, ground);
            shipping = shipping.add(ground);
        });
        tax = tax.add(cents(shipping.multiply(MN_GENERAL)));
        total = subtotal.add(shipping).add(tax);
    }

    /** {@code amount x percent / 100}, half-up to the cent. */
    private static BigDecimal cents(BigDecimal amountTimesPercent) {
        return amountTimesPercent.movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

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
}
