package io.orderhooks.events.plugin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tax computed by a {@link TaxCalculator}: an amount per line item ID and one on shipping. The map is copied; the
 * {@code detail} tree is held as given, not copied (it is only read, once per request, when the answer is built): do
 * not change it after returning the result. A calculator may return one shared, never-changed detail every time.
 *
 * @param lineTaxes tax per line item ID, in the order given; lines absent are untaxed
 * @param shippingTax tax on shipping; null means zero
 * @param detail optional free JSON (e.g. the rate applied to each line) that the calculate handler adds to the
 *     answer's {@code xp.Tax} next to its own properties, which win on a name clash; null for none
 */
public record TaxResult(Map<String, BigDecimal> lineTaxes, BigDecimal shippingTax, ObjectNode detail) {

    /** A result without detail. */
    public TaxResult(Map<String, BigDecimal> lineTaxes, BigDecimal shippingTax) {
        this(lineTaxes, shippingTax, null);
    }

    public TaxResult {
        Objects.requireNonNull(lineTaxes, "lineTaxes");
        lineTaxes.forEach((id, tax) -> {
            Objects.requireNonNull(id, "lineTaxes key");
            if (tax == null) {
                throw new NullPointerException("lineTaxes[" + id + "]"); // the message built only when it is thrown
            }
        });
        lineTaxes = Collections.unmodifiableMap(new LinkedHashMap<>(lineTaxes));
        shippingTax = shippingTax == null ? BigDecimal.ZERO : shippingTax;
    }

    /** The sum of every line's tax and the shipping tax. */
    public BigDecimal total() {
        return lineTaxes.values().stream().reduce(shippingTax, BigDecimal::add);
    }
}
