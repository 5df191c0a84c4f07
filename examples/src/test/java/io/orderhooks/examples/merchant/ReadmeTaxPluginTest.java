package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.plugin.TaxRequest;
import io.orderhooks.events.plugin.TaxResult;
import io.orderhooks.events.testkit.Worksheets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's plugin example (FlatTax), kept compiling, and the unit test a plugin author would write for it. */
class ReadmeTaxPluginTest {

    public static final class FlatTax implements TaxCalculator {
        @Override public String name() { return "flat-tax"; }
        @Override public TaxResult calculate(TaxRequest request) {
            Map<String, BigDecimal> perLine = new LinkedHashMap<>();
            request.worksheet().lineItems().forEach(l -> perLine.put(l.id(),
                    l.lineTotal().multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP)));
            return new TaxResult(perLine, BigDecimal.ZERO);
        }
    }

    @Test
    void chargesFivePercentPerLine() {
        OrderWorksheet worksheet = Worksheets.order("o1").line("mug", 3, "9.99").build();
        TaxResult tax = new FlatTax().calculate(new TaxRequest(worksheet, BigDecimal.ZERO, null));
        assertThat(tax.lineTaxes().values()).containsExactly(new BigDecimal("1.50"));
    }
}
