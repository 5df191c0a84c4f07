package io.orderhooks.events.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.CheckoutEvent;
import io.orderhooks.events.OrderCalculateHandler;
import io.orderhooks.events.plugin.TaxCalculator;
import io.orderhooks.events.plugin.TaxRequest;
import io.orderhooks.events.plugin.TaxResult;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns a {@link TaxCalculator} into an {@link OrderCalculateHandler}. */
public final class TaxCalculatorAdapter implements OrderCalculateHandler {

    private final TaxCalculator calculator;

    public TaxCalculatorAdapter(TaxCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    @Override
    public OrderCalculateResponse calculate(CheckoutEvent event) throws Exception {
        BigDecimal shipping = selectedShippingTotal(event.worksheet());
        TaxResult result = calculator.calculate(new TaxRequest(event.worksheet(), shipping, event.configData()));
        if (result == null) {
            throw new IllegalStateException("TaxCalculator " + calculator.name() + " returned no result");
        }
        checkLinesTaxed(result, event);
        ObjectNode tax = JsonNodeFactory.instance.objectNode();
        if (result.detail() != null) {
            tax.setAll(result.detail());
        }
        tax.put("Calculator", calculator.name());
        ObjectNode lines = tax.putObject("LineTaxes");
        result.lineTaxes().forEach(lines::put);
        tax.put("ShippingTax", result.shippingTax());
        ObjectNode xp = JsonNodeFactory.instance.objectNode();
        xp.set("Tax", tax);
        return OrderCalculateResponse.builder().taxTotal(result.total()).shippingTotal(shipping).xp(xp).build();
    }

    /** Refuses a result taxing a line the order does not have. */
    private void checkLinesTaxed(TaxResult result, CheckoutEvent event) {
        List<LineItem> lines = event.lineItems();
        Set<String> lineIDs = new HashSet<>(lines.size() * 2);
        for (LineItem line : lines) {
            lineIDs.add(line.id());
        }
        for (String id : result.lineTaxes().keySet()) {
            if (!lineIDs.contains(id)) {
                throw new IllegalStateException("TaxCalculator " + calculator.name() + " taxed line '" + id
                        + "', which is not in order " + event.orderID());
            }
        }
    }

    /** The sum of the selected methods' costs over the worksheet's ship estimates; zero if none is selected. */
    static BigDecimal selectedShippingTotal(OrderWorksheet worksheet) {
        if (worksheet.shipEstimateResponse() == null || worksheet.shipEstimateResponse().shipEstimates() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (ShipEstimate estimate : worksheet.shipEstimateResponse().shipEstimates()) {
            if (estimate.selectedShipMethodID() == null || estimate.shipMethods() == null) {
                continue;
            }
            for (ShipMethod method : estimate.shipMethods()) {
                if (estimate.selectedShipMethodID().equals(method.id()) && method.cost() != null) {
                    total = total.add(method.cost());
                }
            }
        }
        return total;
    }
}
