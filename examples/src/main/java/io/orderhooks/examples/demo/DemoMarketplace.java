package io.orderhooks.examples.demo;

import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo marketplace, seeded through the engine's API as a merchant would seed OrderCloud: a buyer
 * organization ({@value #BUYER}) whose users log in through the storefront client, its offices, two suppliers
 * with their shipping clerks, and the lunch catalog of {@link DemoCatalog}. Not thread-safe.
 */
public final class DemoMarketplace {

    public static final String BUYER = "acme";
    public static final String PROFILE = "acme-shoppers";
    public static final String PASSWORD = "Lunch-2026!";

    /** A demo user: ID, username, email. */
    public record Person(String id, String username, String email, String firstName) {}

    public static final Person PAT = new Person("pat", "pat", "pat@acme.example", "Pat");
    public static final Person SAM = new Person("sam", "sam", "sam@acme.example", "Sam");
    public static final Person KIM = new Person("kim", "kim", "kim@other.org", "Kim");
    public static final List<Person> PEOPLE = List.of(PAT, SAM, KIM);
    /** The supplier-side users (shipping clerks) and the client they log in through. */
    public static final String SUPPLIER_CLIENT = "supplier-portal";
    public static final String SUPPLIER_PROFILE = "supplier-fulfilment";

    private final OrderCloudClient api;
    private final String adminToken;
    private final Map<String, String> tokens = new HashMap<>();

    public DemoMarketplace(OrderCloudClient api, String adminToken) {
        this.api = Objects.requireNonNull(api, "api");
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
    }

    /** {@code POST v1/integrationEvents}, {@code v1/apiclients}, {@code v1/webhooks}: the middleware plugged in. */
    public void register(MerchantRegistration registration) {
        registration.registerWith(api, adminToken);
    }

    /** The buyer, its shoppers' security profile, the storefront client's assignment and the users. */
    public void seedBuyer(String storefrontClientID) {
        api.post("v1/buyers", adminToken, Map.of("ID", BUYER, "Name", "Acme Corp", "Active", true));
        api.post("v1/securityprofiles", adminToken, Map.of("ID", PROFILE, "Name", "Acme shoppers",
                "Roles", List.of("Shopper", "MeAdmin")));
        api.post("v1/securityprofiles/assignments", adminToken, Map.of("SecurityProfileID", PROFILE, "BuyerID", BUYER));
        api.post("v1/apiclients/assignments", adminToken, Map.of("ApiClientID", storefrontClientID, "BuyerID", BUYER));
        for (Person p : PEOPLE) {
            api.post("v1/buyers/" + BUYER + "/users", adminToken, Map.of("ID", p.id(), "Username", p.username(),
                    "Password", PASSWORD, "FirstName", p.firstName(), "LastName", "Demo", "Email", p.email(), "Active", true));
        }
    }

    /** The buyer's two offices: Minneapolis (pat ships and bills there) and Hudson, WI (sam and kim). */
    public void seedBuyerAddresses() {
        for (DemoCatalog.Place office : List.of(DemoCatalog.MINNEAPOLIS, DemoCatalog.HUDSON)) {
            api.post("v1/buyers/" + BUYER + "/addresses", adminToken, address(office, "Acme Corp"));
        }
        assignAddress(DemoCatalog.MINNEAPOLIS.id(), PAT.id());
        assignAddress(DemoCatalog.HUDSON.id(), SAM.id());
        assignAddress(DemoCatalog.HUDSON.id(), KIM.id());
    }

    /**
     * The two suppliers, each with its ship-from address, a shipping clerk ({@code {supplierID}-clerk}) holding
     * order and shipment roles, and the {@value #SUPPLIER_CLIENT} client any supplier user logs in through.
     */
    public void seedSuppliers() {
        api.post("v1/apiclients", adminToken, Map.of("ID", SUPPLIER_CLIENT, "AppName", "Supplier portal", "Active", true,
                "AllowAnySupplier", true, "AccessTokenDuration", 600));
        api.post("v1/securityprofiles", adminToken, Map.of("ID", SUPPLIER_PROFILE, "Name", "Supplier fulfilment",
                "Roles", List.of("OrderAdmin", "OrderReader", "ShipmentAdmin", "ShipmentReader")));
        for (DemoCatalog.Supplier s : DemoCatalog.SUPPLIERS) {
            api.post("v1/suppliers", adminToken, Map.of("ID", s.id(), "Name", s.name(), "Active", true));
            api.post("v1/suppliers/" + s.id() + "/addresses", adminToken, address(s.shipFrom(), s.name()));
            api.post("v1/securityprofiles/assignments", adminToken, Map.of("SecurityProfileID", SUPPLIER_PROFILE,
                    "SupplierID", s.id()));
            api.post("v1/suppliers/" + s.id() + "/users", adminToken, Map.of("ID", clerk(s.id()), "Username", clerk(s.id()),
                    "Password", PASSWORD, "FirstName", s.name(), "LastName", "Shipping", "Email", clerk(s.id()) + "@suppliers.example",
                    "Active", true));
        }
    }

    /**
     * The buyer's catalog: every product of {@link DemoCatalog} with its price schedule (the breaks), spec and
     * options (the markups), ship weight, ship-from address, default supplier, {@code AutoForward} and
     * {@code xp.TaxCategory}.
     */
    public void seedCatalog() {
        api.post("v1/catalogs", adminToken, Map.of("ID", DemoCatalog.CATALOG, "Name", "Acme lunch", "Active", true));
        api.post("v1/catalogs/assignments", adminToken, Map.of("CatalogID", DemoCatalog.CATALOG, "BuyerID", BUYER,
                "ViewAllProducts", true, "ViewAllCategories", true));
        for (DemoCatalog.Spec spec : List.of(DemoCatalog.BOWL_SIZE, DemoCatalog.SOUP_SIDE)) {
            api.post("v1/specs", adminToken, Map.of("ID", spec.id(), "Name", spec.name(), "Required", false,
                    "AllowOpenText", false, "DefaultOptionID", spec.options().get(0).id()));
            int order = 0;
            for (DemoCatalog.Option o : spec.options()) {
                api.post("v1/specs/" + spec.id() + "/options", adminToken, Map.of("ID", o.id(), "Value", o.value(),
                        "ListOrder", ++order, "PriceMarkupType", DemoCatalog.MARKUP_TYPE, "PriceMarkup", new BigDecimal(o.markup())));
            }
        }
        for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
            product(p);
        }
    }

    private void product(DemoCatalog.Product p) {
        List<Map<String, Object>> breaks = p.breaks().stream()
                .map(b -> Map.<String, Object>of("Quantity", b.quantity(), "Price", new BigDecimal(b.price()))).toList();
        api.post("v1/priceschedules", adminToken, Map.of("ID", "ps-" + p.id(), "Name", p.name(), "PriceBreaks", breaks));
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("ID", p.id());
        product.put("Name", p.name());
        product.put("Active", true);
        product.put("DefaultPriceScheduleID", "ps-" + p.id());
        product.put("DefaultSupplierID", p.supplierID());
        product.put("AutoForward", true);
        product.put("ShipWeight", new BigDecimal(p.shipWeight()));
        product.put("ShipFromAddressID", DemoCatalog.supplier(p.supplierID()).shipFrom().id());
        product.put("xp", Map.of("TaxCategory", p.taxCategory()));
        api.post("v1/products", adminToken, product);
        api.post("v1/catalogs/productassignments", adminToken, Map.of("CatalogID", DemoCatalog.CATALOG, "ProductID", p.id()));
        if (p.spec() != null) {
            api.post("v1/specs/productassignments", adminToken, Map.of("SpecID", p.spec().id(), "ProductID", p.id()));
        }
    }

    /** The shipping clerk of supplier {@code supplierID}. */
    public static String clerk(String supplierID) {
        return supplierID + "-clerk";
    }

    /** The clerk of {@code supplierID}'s token through {@value #SUPPLIER_CLIENT}. */
    public String loginClerk(String supplierID) {
        return api.password(SUPPLIER_CLIENT, clerk(supplierID), PASSWORD, "OrderAdmin", "OrderReader", "ShipmentAdmin",
                "ShipmentReader");
    }

    private void assignAddress(String addressID, String userID) {
        api.post("v1/buyers/" + BUYER + "/addresses/assignments", adminToken, Map.of("AddressID", addressID,
                "UserID", userID, "IsShipping", true, "IsBilling", true));
    }

    private static Map<String, Object> address(DemoCatalog.Place p, String company) {
        return Map.of("ID", p.id(), "AddressName", p.name(), "CompanyName", company, "Street1", p.street(),
                "City", p.city(), "State", p.state(), "Zip", p.zip(), "Country", "US");
    }

    /** A shopper's token through the storefront client; one login per person (tokens last 10 hours). */
    public String login(Person person, String storefrontClientID) {
        return tokens.computeIfAbsent(person.id() + "@" + storefrontClientID,
                k -> api.password(storefrontClientID, person.username(), PASSWORD, "Shopper", "MeAdmin"));
    }
}
