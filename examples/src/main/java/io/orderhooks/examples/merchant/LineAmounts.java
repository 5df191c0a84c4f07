package io.orderhooks.examples.merchant;

import io.orderhooks.core.model.LineItem;
import java.math.BigDecimal;

/** Amounts of a line item as OrderCloud defines them. */
final class LineAmounts {

    private LineAmounts() {}

    /** {@code LineTotal}, or {@code UnitPrice x Quantity - PromotionDiscount} when the worksheet omits it. */
    static BigDecimal lineTotal(LineItem line) {
        if (line.lineTotal() != null) {
            return line.lineTotal();
        }
        BigDecimal discount = line.promotionDiscount() == null ? BigDecimal.ZERO : line.promotionDiscount();
        return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(discount);
    }
}
