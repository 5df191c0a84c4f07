package io.orderhooks.events.plugin;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tax computed by a {@link TaxCalculator}: an amount per line item ID and one on shipping. Immutable.
 *
 * @param lineTaxes tax per line item ID, in the order given; lines absent are untaxed
 */
public record TaxResult(Map<String, BigDecimal> lineTaxes, BigDecimal shippingTax) {

    public TaxResult {
        Objects.requireNonNull(lineTaxes, "lineTaxes");
        lineTaxes.forEach((id, tax) -> {
            Objects.requireNonNull(id, "lineTaxes key");
            Objects.requireNonNull(tax, "lineTaxes[" + id + "]");
        });
        lineTaxes = Collections.unmodifiableMap(new LinkedHashMap<>(lineTaxes));
        shippingTax = shippingTax == null ? BigDecimal.ZERO : shippingTax;
    }

    /** The sum of every line's tax and the shipping tax. */
    public BigDecimal total() {
        return lineTaxes.values().stream().reduce(shippingTax, BigDecimal::add);
    }
}
