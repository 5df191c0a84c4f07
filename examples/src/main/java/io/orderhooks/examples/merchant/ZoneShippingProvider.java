package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.ShipMethod;
import io.orderhooks.events.CheckoutException;
import io.orderhooks.events.plugin.ShippingPackage;
import io.orderhooks.events.plugin.ShippingRateProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rates each package (the lines of one supplier or ship-from address going to one destination, as the
 * plugin adapter groups them) by weight and zone from a {@link ShippingRateCard}.
 *
 * <ul>
 *   <li>Weight: {@code Quantity x Product.ShipWeight} in pounds summed over the package (the card's default
 *       per unit where a product has no weight), billed rounded up to a whole pound, at least 1 lb.</li>
 *   <li>Zone: from the package's {@code ShipFromAddress} state (the card's origin if it has none) to its
 *       {@code ShippingAddress} state. Only destinations in the origin's country are served (else 400
 *       {@code Shipping.AddressNotServed}); a package without a destination state is refused (400
 *       {@code Shipping.MissingAddress}).</li>
 *   <li>Methods: the card's methods in card order, the free one at cost 0 from the card's threshold, then
 *       {@code IN_STORE_PICKUP} (cost 0, 0 days) when every product in the package has
 *       {@code xp.PickupEligible = true} and the buyer is in the same state as the ship-from store (zone 1).</li>
 * </ul>
 * Each method's {@code xp} carries {@code Zone} and {@code BillableWeight}. Stateless and thread-safe.
 */
public final class ZoneShippingProvider implements ShippingRateProvider {

    /** The ID of the in-store pickup method. */
    public static final String PICKUP = "IN_STORE_PICKUP";

    private final ShippingRateCard card;

    /** A provider with the {@link ShippingRateCard#demo() demo card}, as {@link java.util.ServiceLoader} creates it. */
    public ZoneShippingProvider() {
        this(ShippingRateCard.demo());
    }

    public ZoneShippingProvider(ShippingRateCard card) {
        this.card = Objects.requireNonNull(card, "card");
    }

    @Override
    public String name() {
        return "zone-shipping";
    }

    @Override
    public List<ShipMethod> rate(ShippingPackage pkg) {
        Address to = destination(pkg);
        Address from = pkg.shipFrom() != null && pkg.shipFrom().state() != null ? pkg.shipFrom() : card.origin();
        if (!from.country().equalsIgnoreCase(to.country())) {
            throw new CheckoutException("Shipping.AddressNotServed", "Package " + pkg.id() + " cannot ship to "
                    + to.country() + ": only destinations in " + from.country() + " are served");
        }
        int zone = card.zones().zone(from.state(), to.state());
        BigDecimal weight = billableWeight(pkg);
        BigDecimal merchandise = pkg.lineItems().stream().map(LineAmounts::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode xp = JsonNodeFactory.instance.objectNode().put("Zone", zone).put("BillableWeight", weight);
        List<ShipMethod> methods = new ArrayList<>();
        for (ShippingRateCard.Method method : card.methods()) {
            BigDecimal cost = card.isFree(method, merchandise) ? new BigDecimal("0.00") : card.price(method, zone, weight);
            methods.add(new ShipMethod(method.id(), method.name(), cost, method.transitDays(zone), xp.deepCopy()));
        }
        if (zone == ShippingZones.LOCAL && pkg.lineItems().stream().allMatch(ZoneShippingProvider::pickupEligible)) {
            methods.add(new ShipMethod(PICKUP, "In-Store Pickup", new BigDecimal("0.00"), 0, xp.deepCopy()));
        }
        return methods;
    }

    /** The package weight in pounds rounded up to a whole pound, at least 1. */
    BigDecimal billableWeight(ShippingPackage pkg) {
        BigDecimal pounds = BigDecimal.ZERO;
        for (LineItem line : pkg.lineItems()) {
            BigDecimal unit = line.product() != null && line.product().shipWeight() != null
                    ? line.product().shipWeight() : card.defaultUnitWeight();
            pounds = pounds.add(unit.multiply(BigDecimal.valueOf(line.quantity())));
        }
        return pounds.setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE);
    }

    private static Address destination(ShippingPackage pkg) {
        Address to = pkg.shipTo();
        if (to == null || to.country() == null || to.state() == null || to.state().isBlank()) {
            throw new CheckoutException("Shipping.MissingAddress", "Package " + pkg.id()
                    + " has no shipping address with a country and a state");
        }
        return to;
    }

    private static boolean pickupEligible(LineItem line) {
        JsonNode xp = line.product() == null ? null : line.product().xp();
        return xp != null && xp.path("PickupEligible").isBoolean() && xp.path("PickupEligible").booleanValue();
    }
}
