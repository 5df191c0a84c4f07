package io.orderhooks.events.plugin;

import io.orderhooks.core.model.LineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test tax plugin: a rate per destination state, applied per line to {@code LineTotal} and to shipping,
 * rounded HALF_UP to the cent. Discovered through META-INF/services in the plugin-jar test.
 */
public final class RateTableTaxCalculator implements TaxCalculator {

    static final Map<String, BigDecimal> RATES = Map.of("MN", new BigDecimal("0.06875"), "WI", new BigDecimal("0.05"));

    @Override
    public TaxResult calculate(TaxRequest request) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        BigDecimal shippingRate = BigDecimal.ZERO;
        for (LineItem line : request.worksheet().lineItems()) {
            BigDecimal rate = rate(line);
            shippingRate = shippingRate.max(rate);
            lines.put(line.id(), line.lineTotal().multiply(rate).setScale(2, RoundingMode.HALF_UP));
        }
        return new TaxResult(lines, request.shippingTotal().multiply(shippingRate).setScale(2, RoundingMode.HALF_UP));
    }

    static BigDecimal rate(LineItem line) {
        String state = line.shippingAddress() == null ? null : line.shippingAddress().state();
        return state == null ? BigDecimal.ZERO : RATES.getOrDefault(state, BigDecimal.ZERO);
    }

    @Override
    public String name() {
        return "rate-table";
    }
}
