package io.orderhooks.examples.merchant;

import io.orderhooks.core.model.Address;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The prices {@link ZoneShippingProvider} quotes. Weights are in pounds. Immutable and thread-safe.
 *
 * <p>A method costs {@code (base + perPound x billable weight) x zone factor}, rounded half-up to the cent,
 * where the billable weight is the package weight rounded up to a whole pound (at least 1 lb), as parcel
 * carriers bill it. One method may be free when the package's merchandise ({@code LineTotal}s, after
 * promotions) reaches a threshold.
 */
public final class ShippingRateCard {

    /** One way to ship, with its transit days in zones 1, 2 and 3. */
    public record Method(String id, String name, BigDecimal base, BigDecimal perPound, List<Integer> transitDaysByZone) {

        public Method {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            transitDaysByZone = List.copyOf(transitDaysByZone);
        }

        /** Transit days to {@code zone} (1 to 3). */
        public int transitDays(int zone) {
            return transitDaysByZone.get(zone - 1);
        }
    }

    private final List<Method> methods;
    private final List<BigDecimal> zoneFactors;
    private final String freeMethodID;
    private final BigDecimal freeOver;
    private final BigDecimal defaultUnitWeight;
    private final Address origin;
    private final ShippingZones zones;

    private ShippingRateCard(Builder b) {
        this.methods = List.copyOf(b.methods);
        this.zoneFactors = List.copyOf(b.zoneFactors);
        this.freeMethodID = b.freeMethodID;
        this.freeOver = b.freeOver;
        this.defaultUnitWeight = b.defaultUnitWeight;
        this.origin = b.origin;
        this.zones = b.zones;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The demo merchant's card: ships from Minneapolis, MN; GROUND $6.00 + $0.60/lb (2, 3 or 5 days),
     * TWO_DAY $14.00 + $1.20/lb, NEXT_DAY $28.00 + $2.40/lb; zone factors 1.00, 1.15, 1.40; GROUND free from
     * $100.00 of merchandise; a product without a weight counts 1 lb per unit; upper-Midwest zones.
     */
    public static ShippingRateCard demo() {
        return builder()
                .method("GROUND", "Ground", "6.00", "0.60", 2, 3, 5)
                .method("TWO_DAY", "Two-Day", "14.00", "1.20", 2, 2, 2)
                .method("NEXT_DAY", "Next-Day", "28.00", "2.40", 1, 1, 1)
                .zoneFactors("1.00", "1.15", "1.40")
                .freeOver("GROUND", "100.00")
                .defaultUnitWeight("1")
                .origin(Address.builder().id("wh-minneapolis").companyName("Demo Merchant Warehouse")
                        .street1("700 Washington Ave N").city("Minneapolis").state("MN").zip("55401").country("US").build())
                .zones(ShippingZones.upperMidwest())
                .build();
    }

    /** {@code (base + perPound x billableWeight) x factor(zone)}, rounded half-up to the cent. */
    public BigDecimal price(Method method, int zone, BigDecimal billableWeight) {
        return method.base().add(method.perPound().multiply(billableWeight)).multiply(zoneFactors.get(zone - 1))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether {@code method} is free for a package with {@code merchandise} worth of lines. */
    public boolean isFree(Method method, BigDecimal merchandise) {
        return method.id().equals(freeMethodID) && merchandise.compareTo(freeOver) >= 0;
    }

    public List<Method> methods() {
        return methods;
    }

    /** Pounds per unit of a product without {@code ShipWeight}. */
    public BigDecimal defaultUnitWeight() {
        return defaultUnitWeight;
    }

    /** Where lines without a {@code ShipFromAddress} (with a state) ship from. */
    public Address origin() {
        return origin;
    }

    public ShippingZones zones() {
        return zones;
    }

    /** Collects the card; each setter checks its arguments and names the bad one. Not thread-safe. */
    public static final class Builder {

        private final List<Method> methods = new ArrayList<>();
        private List<BigDecimal> zoneFactors;
        private String freeMethodID;
        private BigDecimal freeOver;
        private BigDecimal defaultUnitWeight = BigDecimal.ONE;
        private Address origin;
        private ShippingZones zones;

        private Builder() {}

        /** A method costing {@code base + perPound x lb} (decimal strings) with transit days for zones 1, 2, 3. */
        public Builder method(String id, String name, String base, String perPound, int zone1Days, int zone2Days, int zone3Days) {
            if (id == null || id.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("method id and name must not be blank");
            }
            if (methods.stream().anyMatch(m -> m.id().equals(id)) || id.equals(ZoneShippingProvider.PICKUP)) {
                throw new IllegalArgumentException("method id " + id + " is already used");
            }
            if (zone1Days < 0 || zone2Days < 0 || zone3Days < 0) {
                throw new IllegalArgumentException("method " + id + " transit days must not be negative");
            }
            methods.add(new Method(id, name, amount(id + " base", base), amount(id + " perPound", perPound),
                    List.of(zone1Days, zone2Days, zone3Days)));
            return this;
        }

        /** Multipliers for zones 1, 2 and 3. */
        public Builder zoneFactors(String zone1, String zone2, String zone3) {
            zoneFactors = List.of(amount("zone 1 factor", zone1), amount("zone 2 factor", zone2), amount("zone 3 factor", zone3));
            return this;
        }

        /** Makes {@code methodID} free for packages with at least {@code threshold} of merchandise. */
        public Builder freeOver(String methodID, String threshold) {
            this.freeMethodID = Objects.requireNonNull(methodID, "freeOver methodID");
            this.freeOver = amount("freeOver threshold", threshold);
            return this;
        }

        public Builder defaultUnitWeight(String pounds) {
            this.defaultUnitWeight = amount("defaultUnitWeight", pounds);
            return this;
        }

        /** The default ship-from address; needs a country and a state. */
        public Builder origin(Address origin) {
            if (origin == null || origin.country() == null || origin.state() == null) {
                throw new IllegalArgumentException("origin must have a country and a state");
            }
            this.origin = origin;
            return this;
        }

        public Builder zones(ShippingZones zones) {
            this.zones = Objects.requireNonNull(zones, "zones");
            return this;
        }

        /** @throws IllegalStateException naming what is missing: methods, zone factors, origin or zones */
        public ShippingRateCard build() {
            if (methods.isEmpty()) {
                throw new IllegalStateException("a rate card needs at least one method");
            }
            if (zoneFactors == null || origin == null || zones == null) {
                throw new IllegalStateException("a rate card needs zoneFactors, origin and zones");
            }
            if (freeMethodID != null && methods.stream().noneMatch(m -> m.id().equals(freeMethodID))) {
                throw new IllegalStateException("freeOver names method " + freeMethodID + ", which is not on the card");
            }
            return new ShippingRateCard(this);
        }

        private static BigDecimal amount(String name, String value) {
            try {
                BigDecimal amount = new BigDecimal(Objects.requireNonNull(value, name));
                if (amount.signum() < 0) {
                    throw new IllegalArgumentException(name + " must not be negative, was " + value);
                }
                return amount;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a decimal number, was '" + value + "'");
            }
        }
    }
}
