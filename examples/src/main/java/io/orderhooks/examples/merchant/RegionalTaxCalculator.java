package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipMethod;
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
 * Destination-based sales tax from a {@link TaxTable}.
 *
 * <ul>
 *   <li>A line's region is its {@code ShippingAddress} country and state, else the order's
 *       {@code BillingAddress}; a line with neither is refused (400 {@code Tax.MissingAddress}).</li>
 *   <li>Its category is {@code Product.xp.TaxCategory}, else {@code general}.</li>
 *   <li>Line tax = {@code LineTotal} (after promotions) x rate, rounded half-up to the cent, per line.</li>
 *   <li>Shipping tax, per region that taxes shipping: the selected methods' costs of the ship estimates whose
 *       lines go there (an estimate counts toward its first line's region) x the region's shipping rate,
 *       rounded half-up to the cent.</li>
 *   <li>A region the table does not know is refused (400 {@code Tax.UnknownRegion}, naming it), unless the
 *       table declares rates for other regions.</li>
 * </ul>
 *
 * <p>The integration event's {@code ConfigData.TaxTable}, when present, replaces the table for that call
 * (rates change without a redeploy); a bad one is refused with 400 {@code IntegrationEvent.InvalidConfigData}.
 * Each line's region, category, rate and tax, and each region's shipping tax, are reported in the answer's
 * {@code xp.Tax.Lines} and {@code xp.Tax.Shipping}. Stateless and thread-safe.
 */
public final class RegionalTaxCalculator implements TaxCalculator {

    private final TaxTable table;

    /** A calculator with the {@link TaxTable#demo() demo table}, as {@link java.util.ServiceLoader} creates it. */
    public RegionalTaxCalculator() {
        this(TaxTable.demo());
    }

    public RegionalTaxCalculator(TaxTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public String name() {
        return "regional-tax";
    }

    @Override
    public TaxResult calculate(TaxRequest request) {
        TaxTable rates = tableFor(request.configData());
        OrderWorksheet worksheet = request.worksheet();
        Map<String, TaxTable.Rates> regionOfLine = new LinkedHashMap<>();
        Map<String, BigDecimal> lineTaxes = new LinkedHashMap<>();
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        ArrayNode lines = detail.putArray("Lines");
        for (LineItem line : worksheet.lineItems() == null ? List.<LineItem>of() : worksheet.lineItems()) {
            TaxTable.Rates region = regionOf(line, worksheet, rates);
            String category = category(line);
            BigDecimal percent = region.percent(category);
            BigDecimal tax = taxOn(LineAmounts.lineTotal(line), percent);
            regionOfLine.put(line.id(), region);
            lineTaxes.put(line.id(), tax);
            lines.addObject().put("LineItemID", line.id()).put("Region", region.region()).put("Category", category)
                    .put("RatePercent", percent).put("Tax", tax);
        }
        BigDecimal shippingTax = shippingTax(worksheet, regionOfLine, detail.putArray("Shipping"));
        return new TaxResult(lineTaxes, shippingTax, detail);
    }

    /** {@code amount x percent / 100}, rounded half-up to the cent. */
    static BigDecimal taxOn(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal shippingTax(OrderWorksheet worksheet, Map<String, TaxTable.Rates> regionOfLine, ArrayNode report) {
        Map<TaxTable.Rates, BigDecimal> costByRegion = new LinkedHashMap<>();
        if (worksheet.shipEstimateResponse() != null && worksheet.shipEstimateResponse().shipEstimates() != null) {
            for (ShipEstimate estimate : worksheet.shipEstimateResponse().shipEstimates()) {
                BigDecimal cost = selectedCost(estimate);
                if (cost.signum() != 0) {
                    costByRegion.merge(regionOfEstimate(estimate, regionOfLine), cost, BigDecimal::add);
                }
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<TaxTable.Rates, BigDecimal> entry : costByRegion.entrySet()) {
            BigDecimal percent = entry.getKey().shippingPercent();
            BigDecimal tax = taxOn(entry.getValue(), percent);
            total = total.add(tax);
            report.addObject().put("Region", entry.getKey().region()).put("Cost", entry.getValue())
                    .put("RatePercent", percent).put("Tax", tax);
        }
        return total;
    }

    private static BigDecimal selectedCost(ShipEstimate estimate) {
        if (estimate.selectedShipMethodID() == null || estimate.shipMethods() == null) {
            return BigDecimal.ZERO;
        }
        return estimate.shipMethods().stream()
                .filter(m -> estimate.selectedShipMethodID().equals(m.id()) && m.cost() != null)
                .map(ShipMethod::cost).findFirst().orElse(BigDecimal.ZERO);
    }

    private static TaxTable.Rates regionOfEstimate(ShipEstimate estimate, Map<String, TaxTable.Rates> regionOfLine) {
        if (estimate.shipEstimateItems() != null) {
            for (var item : estimate.shipEstimateItems()) {
                TaxTable.Rates region = regionOfLine.get(item.lineItemID());
                if (region != null) {
                    return region;
                }
            }
        }
        throw new IllegalStateException("ship estimate '" + estimate.id() + "' covers no line item of the order");
    }

    private TaxTable tableFor(JsonNode configData) {
        JsonNode configured = configData == null ? null : configData.get("TaxTable");
        if (configured == null || configured.isNull()) {
            return table;
        }
        try {
            return TaxTable.fromJson(configured);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CheckoutException("IntegrationEvent.InvalidConfigData", "ConfigData.TaxTable is invalid: " + e.getMessage());
        }
    }

    private static TaxTable.Rates regionOf(LineItem line, OrderWorksheet worksheet, TaxTable rates) {
        Address address = line.shippingAddress() != null ? line.shippingAddress()
                : worksheet.order() == null ? null : worksheet.order().billingAddress();
        if (address == null) {
            throw new CheckoutException("Tax.MissingAddress", "Line item " + line.id()
                    + " has no shipping address and the order has no billing address to tax it by");
        }
        return rates.lookup(address.country(), address.state()).orElseThrow(() -> new CheckoutException(
                "Tax.UnknownRegion", "No tax rates are configured for region " + address.country() + "-"
                        + address.state() + " (line item " + line.id() + ")",
                JsonNodeFactory.instance.objectNode().put("Country", address.country()).put("State", address.state())
                        .put("LineItemID", line.id()), 400));
    }

    private static String category(LineItem line) {
        JsonNode category = line.product() == null || line.product().xp() == null ? null
                : line.product().xp().get("TaxCategory");
        return category == null || !category.isTextual() || category.asText().isBlank()
                ? TaxTable.GENERAL : category.asText().toLowerCase(Locale.ROOT);
    }
}
