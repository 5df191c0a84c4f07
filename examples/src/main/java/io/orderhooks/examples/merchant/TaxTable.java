package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sales-tax rates per destination region and product tax category, for {@link RegionalTaxCalculator}.
 * Immutable and thread-safe.
 *
 * <p>A region is {@code COUNTRY-STATE} ({@code US-MN}) or a whole country ({@code DE}); a lookup tries the
 * state first, then the country, then the table's {@link Builder#otherRegions other regions} if declared.
 * Rates are percentages per category (lower-case names, e.g. {@code general}, {@code food},
 * {@code clothing}); every region must have a {@code general} rate, which also applies to any category the
 * region does not list. Shipping, where the region taxes it, is taxed at the region's {@code shipping}
 * rate, else its {@code general} rate.
 *
 * <p>As JSON (e.g. in the integration event's {@code ConfigData.TaxTable}):
 * <pre>{@code
 * {"Regions": {"US-MN": {"TaxShipping": true, "Rates": {"general": 6.875, "food": 0, "clothing": 0}},
 *              "US-OR": {"TaxShipping": false, "Rates": {"general": 0}}},
 *  "OtherRegions": {"TaxShipping": false, "Rates": {"general": 0}}}
 * }</pre>
 */
public final class TaxTable {

    /** The category of a product without {@code xp.TaxCategory}. */
    public static final String GENERAL = "general";
    /** The optional category whose rate applies to shipping. */
    public static final String SHIPPING = "shipping";

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, Rates> regions;
    private final Rates otherRegions;

    private TaxTable(Map<String, Rates> regions, Rates otherRegions) {
        this.regions = Map.copyOf(regions);
        this.otherRegions = otherRegions;
    }

    /** The rates of one region. Immutable. */
    public record Rates(String region, boolean taxShipping, Map<String, BigDecimal> percentByCategory) {

        public Rates {
            Objects.requireNonNull(region, "region");
            percentByCategory = Map.copyOf(percentByCategory);
        }

        /** The percentage for {@code category} (case-insensitive), or the {@code general} one if not listed. */
        public BigDecimal percent(String category) {
            String key = category == null ? GENERAL : category.toLowerCase(Locale.ROOT);
            return percentByCategory.getOrDefault(key, percentByCategory.get(GENERAL));
        }

        /** The percentage applied to shipping: zero if the region does not tax shipping. */
        public BigDecimal shippingPercent() {
            return taxShipping ? percent(SHIPPING) : BigDecimal.ZERO;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * State-level rates of a few US states as of 2025 (local and county taxes are left out; check current
     * law before relying on them): MN 6.875% (food and clothing exempt; shipping taxed), WI 5% (food exempt,
     * clothing taxed; shipping taxed), IA 6% (food exempt; separately stated delivery exempt), IL 6.25% (food
     * 1%; shipping taxed), CA 7.25% (food exempt; shipping by common carrier exempt), TX 6.25% (food exempt;
     * shipping taxed), and OR, which has no sales tax. Any other region is refused.
     */
    public static TaxTable demo() {
        return builder()
                .region("US-MN", true, Map.of(GENERAL, "6.875", "food", "0", "clothing", "0"))
                .region("US-WI", true, Map.of(GENERAL, "5", "food", "0"))
                .region("US-IA", false, Map.of(GENERAL, "6", "food", "0"))
                .region("US-IL", true, Map.of(GENERAL, "6.25", "food", "1"))
                .region("US-CA", false, Map.of(GENERAL, "7.25", "food", "0"))
                .region("US-TX", true, Map.of(GENERAL, "6.25", "food", "0"))
                .region("US-OR", false, Map.of(GENERAL, "0"))
                .build();
    }

    /**
     * The table described by {@code json} (see the class comment).
     *
     * @throws IllegalArgumentException naming the first bad property by its path
     */
    public static TaxTable fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("TaxTable must be a JSON object");
        }
        JsonNode regions = json.path("Regions");
        if (!regions.isObject()) {
            throw new IllegalArgumentException("TaxTable.Regions must be an object of regions");
        }
        Builder builder = builder();
        for (Map.Entry<String, JsonNode> region : regions.properties()) {
            String at = "TaxTable.Regions." + region.getKey();
            builder.region(region.getKey(), taxShipping(region.getValue(), at), percents(region.getValue(), at));
        }
        if (json.has("OtherRegions")) {
            JsonNode other = json.get("OtherRegions");
            builder.otherRegions(taxShipping(other, "TaxTable.OtherRegions"), percents(other, "TaxTable.OtherRegions"));
        }
        return builder.build();
    }

    /** The rates for a destination, or empty if the table neither lists it nor declares other regions. */
    public Optional<Rates> lookup(String country, String state) {
        String c = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        String s = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
        Rates rates = s.isEmpty() ? null : regions.get(c + "-" + s);
        if (rates == null) {
            rates = regions.get(c);
        }
        return Optional.ofNullable(rates != null ? rates : otherRegions);
    }

    private static boolean taxShipping(JsonNode region, String at) {
        JsonNode flag = region.path("TaxShipping");
        if (!flag.isBoolean()) {
            throw new IllegalArgumentException(at + ".TaxShipping must be true or false");
        }
        return flag.booleanValue();
    }

    private static Map<String, String> percents(JsonNode region, String at) {
        JsonNode rates = region.path("Rates");
        if (!rates.isObject()) {
            throw new IllegalArgumentException(at + ".Rates must be an object of category: percent");
        }
        Map<String, String> percents = new LinkedHashMap<>();
        rates.properties().forEach(rate -> {
            if (!rate.getValue().isNumber()) {
                throw new IllegalArgumentException(at + ".Rates." + rate.getKey() + " must be a number (percent)");
            }
            percents.put(rate.getKey(), rate.getValue().decimalValue().toPlainString());
        });
        return percents;
    }

    /** Collects regions; each setter checks its arguments and names the bad one. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Rates> regions = new LinkedHashMap<>();
        private Rates otherRegions;

        private Builder() {}

        /**
         * @param region {@code US-MN} or {@code DE}
         * @param taxShipping whether the region taxes shipping charges
         * @param percentByCategory percentages as decimal strings, e.g. {@code "6.875"}; must include {@code general}
         */
        public Builder region(String region, boolean taxShipping, Map<String, String> percentByCategory) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region must look like US-MN or DE, was " + region);
            }
            if (regions.containsKey(region)) {
                throw new IllegalArgumentException("region " + region + " is listed twice");
            }
            regions.put(region, rates(region, taxShipping, percentByCategory));
            return this;
        }

        /** Rates for every region not listed; without them an unlisted region is refused. */
        public Builder otherRegions(boolean taxShipping, Map<String, String> percentByCategory) {
            otherRegions = rates("OtherRegions", taxShipping, percentByCategory);
            return this;
        }

        public TaxTable build() {
            if (regions.isEmpty() && otherRegions == null) {
                throw new IllegalStateException("a tax table needs at least one region");
            }
            return new TaxTable(regions, otherRegions);
        }

        private static Rates rates(String region, boolean taxShipping, Map<String, String> percentByCategory) {
            Objects.requireNonNull(percentByCategory, region + " rates");
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            percentByCategory.forEach((category, percent) -> {
                String at = region + " rate '" + category + "'";
                BigDecimal value;
                try {
                    value = new BigDecimal(Objects.requireNonNull(percent, at));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(at + " must be a decimal percent, was '" + percent + "'");
                }
                if (value.signum() < 0 || value.compareTo(HUNDRED) >= 0) {
                    throw new IllegalArgumentException(at + " must be from 0 to under 100 percent, was " + percent);
                }
                if (category == null || category.isBlank()) {
                    throw new IllegalArgumentException(region + " has a blank category name");
                }
                rates.put(category.toLowerCase(Locale.ROOT), value);
            });
            if (!rates.containsKey(GENERAL)) {
                throw new IllegalArgumentException(region + " needs a '" + GENERAL + "' rate");
            }
            return new Rates(region, taxShipping, Map.copyOf(rates));
        }
    }
}
