package io.orderhooks.examples.demo;

import static io.orderhooks.examples.demo.Narrator.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.merchant.InvitationDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Part one of the demo: Pat's lunch group order, from the invitations through checkout (the middleware's
 * shipping, tax and export over HTTP), supplier forwarding and shipments to auto-completion, every step through
 * the engine's API as the person doing it. Not thread-safe; run once.
 */
public final class LunchGroupOrder {

    /** One line someone adds: {@code quantity} of a product, with a spec option or none. */
    public record Pick(String productID, int quantity, String optionID) {}

    /** A colleague Pat invites, and what they try to add, in order. */
    public record Contributor(String name, List<Pick> picks) {}

    /** What happened. {@code blocked} maps each refused contributor to the spending cap's message. */
    public record Result(String orderID, String exportID, Map<String, String> blocked, List<String> supplierOrderIDs,
            boolean autoForwarded) {}

    /** Every invitation's {@code xp.Budget}. */
    public static final BigDecimal BUDGET = new BigDecimal("25.00");
    /** The method Pat picks for every package. */
    public static final String METHOD = "GROUND";
    /** What Pat adds herself (no budget: she placed the order). */
    public static final List<Pick> PAT_PICKS = List.of(new Pick(DemoCatalog.KOMBUCHA.id(), 2, null),
            new Pick(DemoCatalog.TOTE.id(), 1, null));
    /** The three colleagues; Alex's kombucha would take Alex past the budget. */
    public static final List<Contributor> CONTRIBUTORS = List.of(
            new Contributor("Sam", List.of(new Pick(DemoCatalog.BOWL.id(), 1, "large"), new Pick(DemoCatalog.SOUP.id(), 1, null))),
            new Contributor("Kim", List.of(new Pick(DemoCatalog.SOUP.id(), 4, null))),
            new Contributor("Alex", List.of(new Pick(DemoCatalog.BOWL.id(), 1, "regular"), new Pick(DemoCatalog.KOMBUCHA.id(), 1, null))));

    private final OrderCloudClient api;
    private final DemoMarketplace market;
    private final MerchantMiddleware middleware;
    private final String adminToken;
    private final Clock clock;
    private final Narrator say;
    private final Checkout checkout;

    LunchGroupOrder(OrderCloudClient api, DemoMarketplace market, MerchantMiddleware middleware, String adminToken,
            Clock clock, Narrator say) {
        this.api = Objects.requireNonNull(api, "api");
        this.market = Objects.requireNonNull(market, "market");
        this.middleware = Objects.requireNonNull(middleware, "middleware");
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.say = Objects.requireNonNull(say, "say");
        this.checkout = new Checkout(api, middleware, adminToken, say);
    }

    /** Tells this part of the story; an unexpected refusal by the API propagates as an {@link OrderCloudException}. */
    Result run() throws InterruptedException {
        String pat = market.login(DemoMarketplace.PAT, DemoStory.STOREFRONT);
        say.step("Pat starts a lunch order for the Minneapolis office");
        String orderID = api.post("v1/orders/Outgoing", pat, Map.of("Comments", "Friday team lunch",
                "ShippingAddressID", DemoCatalog.MINNEAPOLIS.id())).path("ID").asText();
        say.done("POST v1/orders/Outgoing -> order " + orderID + ", shipping to " + DemoCatalog.MINNEAPOLIS.city() + ", "
                + DemoCatalog.MINNEAPOLIS.state());
        for (Pick pick : PAT_PICKS) {
            say.done("Pat adds " + describe(api.post("v1/orders/Outgoing/" + orderID + "/lineitems", pat, body(pick))));
        }

        Map<String, String> tokens = invite(pat, orderID);
        Map<String, String> blocked = contribute(tokens);
        checkout.review(pat, orderID);
        String base = Checkout.order(orderID);
        checkout.shipping("Pat", pat, base);
        checkout.tax("Pat", pat, base);
        checkout.pay("Pat", pat, base, "ACME-LUNCH");
        String exportID = checkout.submit("Pat", pat, base).exportID();
        boolean auto = true;
        List<String> supplierOrders = checkout.forwarded(orderID);
        if (supplierOrders.isEmpty()) {
            auto = false;
            supplierOrders = checkout.forward(orderID);
        }
        ship(supplierOrders);
        checkout.completed(pat, orderID);
        return new Result(orderID, exportID, blocked, supplierOrders, auto);
    }

    private Map<String, String> invite(String pat, String orderID) throws InterruptedException {
        say.step("Pat invites three colleagues, each with a " + money(BUDGET) + " budget (xp.Budget)");
        Map<String, String> tokens = new LinkedHashMap<>();
        OffsetDateTime expires = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plusHours(4);
        for (Contributor c : CONTRIBUTORS) {
            String invitationID = api.post("v1/me/orderinvitations", pat, Map.of("Name", c.name() + "'s lunch",
                    "OrderID", orderID, "ExpirationDate", expires.toString(), "xp", Map.of("Budget", BUDGET))).path("ID").asText();
            if (!middleware.directory().await(InvitationDirectory.Kind.GROUP_ORDER, invitationID, Duration.ofSeconds(10))) {
                throw new IllegalStateException("the middleware never received invitation " + invitationID + "'s post-webhook");
            }
            String token = api.post("v1/grouporders/" + invitationID + "/token", null, null).path("access_token").asText();
            tokens.put(c.name(), token);
            say.done(c.name() + ": invitation " + invitationID + " (the middleware recorded its budget from the"
                    + " post-webhook); contributor token from POST v1/grouporders/" + invitationID + "/token");
        }
        return tokens;
    }

    private Map<String, String> contribute(Map<String, String> tokens) {
        say.step("Each colleague adds lunch with their contributor token (POST v1/cart/lineitems)");
        Map<String, String> blocked = new LinkedHashMap<>();
        for (Contributor c : CONTRIBUTORS) {
            for (Pick pick : c.picks()) {
                try {
                    say.done(c.name() + " adds " + describe(api.post("v1/cart/lineitems", tokens.get(c.name()), body(pick))));
                } catch (OrderCloudException refused) {
                    if (!"Webhook.Blocked".equals(refused.errorCode())) {
                        throw refused;
                    }
                    blocked.put(c.name(), refused.getMessage());
                    say.refused(c.name() + " tries " + pick.quantity() + " x " + DemoCatalog.product(pick.productID()).name()
                            + ": blocked by the GroupOrderSpendingCap pre-webhook (" + refused.status() + " "
                            + refused.errorCode() + "): " + refused.getMessage());
                }
            }
        }
        return blocked;
    }

    private void ship(List<String> supplierOrders) {
        say.step("Each supplier's clerk ships its order (POST v1/orders/Incoming/{id}/ship, supplier-portal client)");
        for (String id : supplierOrders) {
            DemoCatalog.Supplier supplier = DemoCatalog.SUPPLIERS.stream().filter(s -> id.endsWith("-" + s.id()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no demo supplier for order " + id));
            String clerk = market.loginClerk(supplier.id());
            String shipmentID = id + "-ship";
            String tracking = "TRK-" + supplier.id().toUpperCase() + "-1";
            // Orders.Ship answers the Order, as the SDK declares; the shipment is read from v1/shipments
            JsonNode order = api.post("v1/orders/Incoming/" + id + "/ship", clerk, Map.of("ID", shipmentID,
                    "Shipper", supplier.name() + " courier", "TrackingNumber", tracking));
            int items = api.listAll("v1/shipments/" + shipmentID + "/items", clerk).size();
            say.done(DemoMarketplace.clerk(supplier.id()) + " shipped " + id + ": shipment " + shipmentID
                    + " with " + items + " item(s), tracking " + tracking + "; order " + order.path("Status").asText());
        }
    }

    /** The line-item request body of {@code pick}. */
    static Map<String, Object> body(Pick pick) {
        DemoCatalog.Product product = DemoCatalog.product(pick.productID());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ProductID", pick.productID());
        body.put("Quantity", pick.quantity());
        if (pick.optionID() != null) {
            body.put("Specs", List.of(Map.of("SpecID", product.spec().id(), "OptionID", pick.optionID())));
        }
        return body;
    }

    /** {@code 1 x Harvest grain bowl (Size: Large) at $13.50 = $13.50}. */
    static String describe(JsonNode line) {
        List<String> specs = new ArrayList<>();
        line.path("Specs").forEach(s -> specs.add(s.path("Name").asText() + ": " + s.path("Value").asText()));
        return line.path("Quantity").asInt() + " x " + line.path("Product").path("Name").asText()
                + (specs.isEmpty() ? "" : " (" + String.join(", ", specs) + ")") + " at "
                + money(line.path("UnitPrice").decimalValue()) + " = " + money(line.path("LineTotal").decimalValue());
    }
}
