package io.orderhooks.events.internal;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemOverride;
import io.orderhooks.core.model.OrderCalculateResponse;
import io.orderhooks.core.model.OrderReturn;
import io.orderhooks.core.model.OrderReturnCalculateResponse;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.PromotionOverride;
import io.orderhooks.core.model.ShipEstimate;
import io.orderhooks.core.model.ShipEstimateItem;
import io.orderhooks.core.model.ShipEstimateResponse;
import io.orderhooks.core.model.ShipMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an answer against the worksheet it answers before it is sent, so a bad answer is reported to the
 * merchant in plain words instead of surfacing later as an opaque checkout failure. Every violation is
 * listed, each naming the JSON path of the offending value.
 */
public final class ResponseValidator {

    private ResponseValidator() {}

    /** The violations of {@code answer}; empty when it is valid or of a type with no rules. */
    public static List<String> violations(Object answer, OrderWorksheet worksheet) {
        return violations(answer, worksheet, null);
    }

    /** As {@link #violations(Object, OrderWorksheet)}; an {@code OrderReturnCalculateResponse} is checked against {@code ret}. */
    public static List<String> violations(Object answer, OrderWorksheet worksheet, OrderReturn ret) {
        if (answer instanceof OrderReturnCalculateResponse refund) {
            return refund.violations(ret);
        }
        if (answer instanceof ShipEstimateResponse ship) {
            return shipEstimates(ship, worksheet);
        }
        if (answer instanceof OrderCalculateResponse calc) {
            return calculation(calc, worksheet);
        }
        return List.of();
    }

    static List<String> shipEstimates(ShipEstimateResponse response, OrderWorksheet worksheet) {
        Map<String, Integer> ordered = quantities(worksheet);
        List<String> problems = new ArrayList<>();
        if (response.shipEstimates() == null) {
            problems.add("ShipEstimates is missing");
            return problems;
        }
        Map<String, Integer> covered = new HashMap<>();
        Set<String> estimateIDs = new HashSet<>();
        for (int i = 0; i < response.shipEstimates().size(); i++) {
            ShipEstimate estimate = response.shipEstimates().get(i);
            String at = "ShipEstimates[" + i + "]";
            if (estimate == null) {
                problems.add(at + " is null");
                continue;
            }
            checkID(estimate.id(), at + ".ID", estimateIDs, "another estimate", problems);
            checkItems(estimate.shipEstimateItems(), at, ordered, covered, problems);
            checkMethods(estimate, at, problems);
        }
        ordered.forEach((lineID, quantity) -> {
            int got = covered.getOrDefault(lineID, 0);
            if (got == 0) {
                problems.add("LineItem '" + lineID + "' (quantity " + quantity + ") is not covered by any ship estimate");
            } else if (got != quantity) {
                problems.add("LineItem '" + lineID + "' is covered for quantity " + got + " but the order has quantity "
                        + quantity);
            }
        });
        return problems;
    }

    private static void checkItems(List<ShipEstimateItem> items, String at, Map<String, Integer> ordered,
            Map<String, Integer> covered, List<String> problems) {
        if (items == null || items.isEmpty()) {
            problems.add(at + ".ShipEstimateItems is empty: an estimate must cover at least one line item");
            return;
        }
        for (int j = 0; j < items.size(); j++) {
            ShipEstimateItem item = items.get(j);
            String itemAt = at + ".ShipEstimateItems[" + j + "]";
            if (item == null) {
                problems.add(itemAt + " is null");
                continue;
            }
            boolean known = item.lineItemID() != null && ordered.containsKey(item.lineItemID());
            if (!known) {
                problems.add(itemAt + ".LineItemID '" + item.lineItemID() + "' is not a line item of the order");
            }
            if (item.quantity() == null || item.quantity() < 1) {
                problems.add(itemAt + ".Quantity must be at least 1, was " + item.quantity());
            } else if (known) {
                covered.merge(item.lineItemID(), item.quantity(), Integer::sum);
            }
        }
    }

    private static void checkMethods(ShipEstimate estimate, String at, List<String> problems) {
        List<ShipMethod> methods = estimate.shipMethods();
        if (methods == null || methods.isEmpty()) {
            problems.add(at + ".ShipMethods is empty: an estimate needs at least one ship method");
            return;
        }
        Set<String> methodIDs = new HashSet<>();
        for (int k = 0; k < methods.size(); k++) {
            ShipMethod method = methods.get(k);
            String methodAt = at + ".ShipMethods[" + k + "]";
            if (method == null) {
                problems.add(methodAt + " is null");
                continue;
            }
            checkID(method.id(), methodAt + ".ID", methodIDs, "another method of this estimate", problems);
            checkNotNegative(method.cost(), methodAt + ".Cost", true, problems);
            if (method.estimatedTransitDays() != null && method.estimatedTransitDays() < 0) {
                problems.add(methodAt + ".EstimatedTransitDays must not be negative, was " + method.estimatedTransitDays());
            }
        }
        String selected = estimate.selectedShipMethodID();
        if (selected != null && !methodIDs.contains(selected)) {
            problems.add(at + ".SelectedShipMethodID '" + selected + "' is not one of its ShipMethods");
        }
    }

    static List<String> calculation(OrderCalculateResponse response, OrderWorksheet worksheet) {
        Map<String, Integer> lines = quantities(worksheet);
        List<String> problems = new ArrayList<>();
        List<LineItemOverride> overrides = response.lineItemOverrides() == null ? List.of() : response.lineItemOverrides();
        Set<String> overridden = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            LineItemOverride override = overrides.get(i);
            String at = "LineItemOverrides[" + i + "]";
            if (override == null) {
                problems.add(at + " is null");
                continue;
            }
            if (override.lineItemID() == null || !lines.containsKey(override.lineItemID())) {
                problems.add(at + ".LineItemID '" + override.lineItemID() + "' is not a line item of the order");
            } else if (!overridden.add(override.lineItemID())) {
                problems.add(at + ".LineItemID '" + override.lineItemID() + "' is overridden more than once");
            }
            checkNotNegative(override.unitPrice(), at + ".UnitPrice", false, problems);
            List<PromotionOverride> promos = override.promotionOverrides() == null ? List.of() : override.promotionOverrides();
            for (int p = 0; p < promos.size(); p++) {
                if (promos.get(p) != null) {
                    checkNotNegative(promos.get(p).amount(), at + ".PromotionOverrides[" + p + "].Amount", false, problems);
                }
            }
        }
        checkNotNegative(response.shippingTotal(), "ShippingTotal", false, problems);
        checkNotNegative(response.taxTotal(), "TaxTotal", false, problems);
        checkNotNegative(response.feeTotal(), "FeeTotal", false, problems);
        return problems;
    }

    private static void checkID(String id, String at, Set<String> seen, String other, List<String> problems) {
        if (id == null || id.isBlank()) {
            problems.add(at + " is missing");
        } else if (!seen.add(id)) {
            problems.add(at + " '" + id + "' is also used by " + other);
        }
    }

    private static void checkNotNegative(BigDecimal value, String at, boolean required, List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(at + " is missing");
            }
        } else if (value.signum() < 0) {
            problems.add(at + " must not be negative, was " + value.toPlainString());
        }
    }

    private static Map<String, Integer> quantities(OrderWorksheet worksheet) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        if (worksheet.lineItems() != null) {
            for (LineItem line : worksheet.lineItems()) {
                quantities.merge(line.id(), line.quantity(), Integer::sum);
            }
        }
        return quantities;
    }
}
