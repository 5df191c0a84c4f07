package io.orderhooks.examples.demo;

import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo marketplace, seeded through the engine's API as a merchant would seed OrderCloud: a buyer
 * organization ({@value #BUYER}) whose users log in through the storefront client, and two suppliers.
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
    /** Supplier IDs and names. */
    public static final Map<String, String> SUPPLIERS = Map.of("harvest-greens", "Harvest Greens", "copper-kettle", "Copper Kettle");

    private final OrderCloudClient api;
    private final String adminToken;

    public DemoMarketplace(OrderCloudClient api, String adminToken) {
        this.api = Objects.requireNonNull(api, "api");
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
    }

    /** {@code POST v1/integrationEvents}, {@code v1/apiclients}, {@code v1/webhooks}: the middleware plugged in. */
    public void register(MerchantRegistration registration) {
        if (registration.integrationEvent() != null) {
            api.post("v1/integrationEvents", adminToken, registration.integrationEvent());
        }
        api.post("v1/apiclients", adminToken, registration.storefrontClient());
        registration.webhooks().forEach(hook -> api.post("v1/webhooks", adminToken, hook));
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

    /** The two suppliers. */
    public void seedSuppliers() {
        SUPPLIERS.forEach((id, name) -> api.post("v1/suppliers", adminToken, Map.of("ID", id, "Name", name, "Active", true)));
    }

    /** A shopper's token through the storefront client. */
    public String login(Person person, String storefrontClientID) {
        return api.password(storefrontClientID, person.username(), PASSWORD, "Shopper", "MeAdmin");
    }
}
