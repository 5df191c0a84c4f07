package io.orderhooks.examples.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo marketplace sells: two suppliers with a ship-from address each, and their lunch products with
 * price breaks, an optional spec with a price markup, a ship weight and {@code xp.TaxCategory}. Plain data,
 * seeded through the API by {@link DemoMarketplace}; immutable.
 */
public final class DemoCatalog {

    public static final String CATALOG = "acme-lunch";
    public static final String MARKUP_TYPE = "AmountPerQuantity";

    /** An address in the US. */
    public record Place(String id, String name, String street, String city, String state, String zip) {}

    /** A supplier and the address its products ship from. */
    public record Supplier(String id, String name, Place shipFrom) {}

    /** A price break: from {@code quantity} units, {@code price} each. */
    public record Break(int quantity, String price) {}

    /** A spec option and its markup per unit ({@value #MARKUP_TYPE}). */
    public record Option(String id, String value, String markup) {}

    /** A spec with its options (not required). */
    public record Spec(String id, String name, List<Option> options) {}

    /**
     * A product, sold at its {@code breaks} and shipped from its supplier's address.
     *
     * @param spec null for none
     */
    public record Product(String id, String name, String supplierID, String shipWeight, String taxCategory,
            List<Break> breaks, Spec spec) {

        /** The option {@code optionID} of its spec. */
        public Optional<Option> option(String optionID) {
            return spec == null ? Optional.empty() : spec.options().stream().filter(o -> o.id().equals(optionID)).findFirst();
        }
    }

    public static final Supplier HARVEST_GREENS = new Supplier("harvest-greens", "Harvest Greens",
            new Place("hg-madison", "Harvest Greens kitchen", "1 Farm Market Way", "Madison", "WI", "53703"));
    public static final Supplier COPPER_KETTLE = new Supplier("copper-kettle", "Copper Kettle",
            new Place("ck-stpaul", "Copper Kettle soup works", "45 Kellogg Blvd", "St Paul", "MN", "55102"));
    public static final List<Supplier> SUPPLIERS = List.of(HARVEST_GREENS, COPPER_KETTLE);

    public static final Spec BOWL_SIZE = new Spec("bowl-size", "Size",
            List.of(new Option("regular", "Regular", "0"), new Option("large", "Large", "2.00")));
    public static final Spec SOUP_SIDE = new Spec("soup-side", "Side",
            List.of(new Option("none", "No side", "0"), new Option("grilled-cheese", "Grilled cheese", "4.50")));

    public static final Product BOWL = new Product("harvest-bowl", "Harvest grain bowl", HARVEST_GREENS.id(), "1.2",
            "food", List.of(new Break(1, "11.50"), new Break(10, "10.25")), BOWL_SIZE);
    public static final Product KOMBUCHA = new Product("kombucha-6", "Ginger kombucha 6-pack", HARVEST_GREENS.id(), "4.5",
            "general", List.of(new Break(1, "14.00"), new Break(4, "12.60")), null);
    public static final Product SOUP = new Product("tomato-soup", "Roasted tomato soup", COPPER_KETTLE.id(), "1.1",
            "food", List.of(new Break(1, "6.95"), new Break(4, "6.25")), SOUP_SIDE);
    public static final Product TOTE = new Product("lunch-tote", "Insulated lunch tote", COPPER_KETTLE.id(), "0.8",
            "general", List.of(new Break(1, "18.00")), null);
    public static final List<Product> PRODUCTS = List.of(BOWL, KOMBUCHA, SOUP, TOTE);

    /** The buyer's offices: Minneapolis, MN and Hudson, WI. */
    public static final Place MINNEAPOLIS = new Place("acme-mpls", "Acme Minneapolis office", "250 Marquette Ave",
            "Minneapolis", "MN", "55401");
    public static final Place HUDSON = new Place("acme-hudson", "Acme Hudson office", "500 2nd St", "Hudson", "WI", "54016");

    private static final Map<String, Product> BY_ID = Map.of(BOWL.id(), BOWL, KOMBUCHA.id(), KOMBUCHA, SOUP.id(), SOUP,
            TOTE.id(), TOTE);

    private DemoCatalog() {}

    /** The product {@code id}; throws if the catalog has none. */
    public static Product product(String id) {
        Product p = BY_ID.get(id);
        if (p == null) {
            throw new IllegalArgumentException("the demo catalog has no product " + id);
        }
        return p;
    }

    /** The supplier {@code id}; throws if the catalog has none. */
    public static Supplier supplier(String id) {
        return SUPPLIERS.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the demo catalog has no supplier " + id));
    }
}
