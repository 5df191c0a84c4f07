package io.orderhooks.engine.internal.catalog;

import io.orderhooks.engine.internal.Errors;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Unit prices from a price schedule, a quantity and the chosen spec options. Pure and thread-safe.
 *
 * <ul>
 *   <li>The price break is the one with the largest {@code Quantity <= breakQuantity} (the line quantity, or
 *       with {@code UseCumulativeQuantity} the product's quantity over the whole order). Quantities are in
 *       the product's sale units; {@code QuantityMultiplier} is informational and never multiplies them.
 *   <li>{@code SalePrice} replaces {@code Price} while {@code SaleStart <= now < SaleEnd}; a missing bound
 *       is open.
 *   <li>Markups: {@code AmountPerQuantity} adds to the unit price, {@code Percentage} adds
 *       {@code base x markup / 100}, {@code AmountTotal} adds {@code markup / quantity} (so that
 *       {@code LineSubtotal = UnitPrice x Quantity} still holds).
 *   <li>The unit price keeps the break price's precision, at least 2 decimals; markups that produce more
 *       decimals are rounded HALF_UP to that scale.
 * </ul>
 */
public final class Pricing {

    /** The outcome: unit price, whether the sale price was used, and the priced spec choices. */
    public record Price(BigDecimal unitPrice, boolean onSale, List<LineItemSpec> specs) {}

    private Pricing() {}

    /** Checks quantity limits of the schedule; throws the OrderCloud error for the first one broken. */
    public static void checkQuantity(PriceSchedule ps, int lineQuantity, int breakQuantity) {
        if (lineQuantity < 1) {
            throw Errors.bad("LineItem.QuantityMustBePositive", "Line Item's Quantity must be greater than 0.");
        }
        boolean cumulative = Boolean.TRUE.equals(ps.useCumulativeQuantity());
        int q = cumulative ? breakQuantity : lineQuantity;
        String prefix = cumulative ? "PriceSchedule.Cumulative" : "PriceSchedule.";
        if (ps.minQuantity() != null && q < ps.minQuantity()) {
            throw Errors.bad(prefix + (cumulative ? "CannotBeLessThanMin" : "CannotBeLessThanMin"),
                    "Quantity " + q + " is below the minimum " + ps.minQuantity() + " of price schedule " + ps.id());
        }
        if (ps.maxQuantity() != null && q > ps.maxQuantity()) {
            throw Errors.bad(prefix + "CannotExceedMax",
                    "Quantity " + q + " exceeds the maximum " + ps.maxQuantity() + " of price schedule " + ps.id());
        }
        if (Boolean.TRUE.equals(ps.restrictedQuantity())
                && breaks(ps).stream().noneMatch(b -> b.quantity() == q)) {
            throw Errors.bad(cumulative ? "PriceSchedule.CumulativeQuantityNotAllowed" : "PriceSchedule.QuantityNotAllowed",
                    "Quantity " + q + " is not one of the allowed quantities of price schedule " + ps.id());
        }
    }

    /** The unit price for {@code lineQuantity} units given the break quantity, at {@code now}. */
    public static Price price(PriceSchedule ps, int lineQuantity, int breakQuantity, List<SpecChoice> specs, Instant now) {
        checkQuantity(ps, lineQuantity, breakQuantity);
        int q = Boolean.TRUE.equals(ps.useCumulativeQuantity()) ? breakQuantity : lineQuantity;
        PriceBreak pb = breaks(ps).stream().filter(b -> b.quantity() <= q).max(Comparator.comparing(PriceBreak::quantity))
                .orElseThrow(() -> Errors.bad("PriceSchedule.CannotBeLessThanMin",
                        "Quantity " + q + " is below the first price break of price schedule " + ps.id()));
        boolean onSale = pb.salePrice() != null && inSale(ps, now);
        BigDecimal base = onSale ? pb.salePrice() : pb.price();
        BigDecimal unit = base;
        for (SpecChoice c : specs) {
            unit = unit.add(markup(c.priceMarkupType(), c.priceMarkup(), base, lineQuantity));
        }
        int scale = Math.max(2, base.scale());
        if (unit.scale() > scale) {
            unit = unit.setScale(scale, RoundingMode.HALF_UP);
        }
        return new Price(unit, onSale, specs.stream().map(SpecChoice::toLineItemSpec).toList());
    }

    static BigDecimal markup(String type, BigDecimal amount, BigDecimal base, int quantity) {
        if (type == null || amount == null || "NoMarkup".equals(type)) {
            return BigDecimal.ZERO;
        }
        return switch (type) {
            case "AmountPerQuantity" -> amount;
            case "AmountTotal" -> amount.divide(BigDecimal.valueOf(quantity), MathContext.DECIMAL64);
            case "Percentage" -> base.multiply(amount).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
            default -> throw Errors.bad("ValidationFailure", "unknown PriceMarkupType " + type);
        };
    }

    /** Whether {@code now} is inside the schedule's sale window (inclusive start, exclusive end). */
    public static boolean inSale(PriceSchedule ps, Instant now) {
        boolean started = ps.saleStart() == null || !now.isBefore(ps.saleStart().toInstant());
        boolean notEnded = ps.saleEnd() == null || now.isBefore(ps.saleEnd().toInstant());
        return started && notEnded;
    }

    private static List<PriceBreak> breaks(PriceSchedule ps) {
        if (ps.priceBreaks() == null || ps.priceBreaks().isEmpty()) {
            throw Errors.bad("PriceSchedule.NoPriceBreaks", "Price schedule " + ps.id() + " has no price breaks.");
        }
        return ps.priceBreaks();
    }
}
