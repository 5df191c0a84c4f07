package com.example.shop;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.events.CheckoutException;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.plugin.TaxRequest;
import io.orderhooks.events.plugin.TaxResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sales tax by the state each line ships to: Minnesota 6.875%, Wisconsin 5%, no tax in other US states; each line's
 * tax is its {@code LineTotal} times the rate, rounded half-up to the cent. Shipping is not taxed.
 *
 * <p>Declared in {@code META-INF/services/io.orderhooks.events.plugin.TaxCalculator}, so {@code Plugins.discover()}
 * finds it, and so does {@code java -jar orderhooks.jar middleware --plugins DIR} when this project's jar is in
 * {@code DIR}. A line that does not ship to a US address is refused with 400 {@code Tax.UnsupportedDestination}.
 * Stateless and thread-safe.
 */
public final class StateSalesTax implements TaxCalculator {

    private static final Map<String, BigDecimal> RATES = Map.of(
            "MN", new BigDecimal("0.06875"),
            "WI", new BigDecimal("0.05"));

    @Override
    public String name() {
        return "state-sales-tax";
    }

    @Override
    public TaxResult calculate(TaxRequest request) {
        List<LineItem> lines = Objects.requireNonNullElse(request.worksheet().lineItems(), List.of());
        Map<String, BigDecimal> perLine = new LinkedHashMap<>();
        for (LineItem line : lines) {
            perLine.put(line.id(), line.lineTotal().multiply(rateFor(line)).setScale(2, RoundingMode.HALF_UP));
        }
        return new TaxResult(perLine, BigDecimal.ZERO);
    }

    private static BigDecimal rateFor(LineItem line) {
        Address to = line.shippingAddress();
        if (to == null || !"US".equalsIgnoreCase(to.country())) {
            throw new CheckoutException("Tax.UnsupportedDestination",
                    "Line " + line.id() + " does not ship to a US address; this shop taxes US deliveries only");
        }
        String state = to.state() == null ? "" : to.state().toUpperCase(Locale.ROOT);
        return RATES.getOrDefault(state, BigDecimal.ZERO);
    }
}
