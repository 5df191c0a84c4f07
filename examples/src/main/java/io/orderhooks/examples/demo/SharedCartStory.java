package io.orderhooks.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.examples.client.OrderCloudClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Part three of the demo: Sam fills a cart for the Hudson, WI office and shares it with the organization
 * ({@code POST v1/cart/share}); Kim finds it ({@code GET v1/me/sharedcarts}), switches to it
 * ({@code PUT v1/cart/{orderID}}), amends it (more bowls, reaching the 10+ price break, and soups) and checks it out
 * through {@code v1/cart}; the order records Sam as its creator and Kim as its last modifier and submitter. Not
 * thread-safe; run once.
 */
public final class SharedCartStory {

    /** What Sam puts in the cart. */
    public static final List<LunchGroupOrder.Pick> SAM_PICKS = List.of(
            new LunchGroupOrder.Pick(DemoCatalog.BOWL.id(), 6, "regular"),
            new LunchGroupOrder.Pick(DemoCatalog.KOMBUCHA.id(), 1, null));
    /** Kim raises the bowls (Sam's first line) to this quantity. */
    public static final int KIM_BOWLS = 10;
    /** What Kim adds. */
    public static final List<LunchGroupOrder.Pick> KIM_PICKS = List.of(
            new LunchGroupOrder.Pick(DemoCatalog.SOUP.id(), 2, "grilled-cheese"));

    /** What happened. */
    public record Result(String orderID, String exportID, String status, String fromUserID, String lastModifierID,
            String submittedBy, List<String> supplierOrderIDs) {}

    private final OrderCloudClient api;
    private final DemoMarketplace market;
    private final Checkout checkout;
    private final Narrator say;
    private String bowlLineID;

    SharedCartStory(OrderCloudClient api, DemoMarketplace market, Checkout checkout, Narrator say) {
        this.api = Objects.requireNonNull(api, "api");
        this.market = Objects.requireNonNull(market, "market");
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.say = Objects.requireNonNull(say, "say");
    }

    Result run() {
        String orderID = share();
        String kim = amend(orderID);
        checkout.shipping("Kim", kim, "v1/cart");
        checkout.tax("Kim", kim, "v1/cart");
        checkout.pay("Kim", kim, "v1/cart", "ACME-HUDSON");
        Checkout.Submitted submitted = checkout.submit("Kim", kim, "v1/cart");
        JsonNode order = submitted.order();
        say.done("created by " + order.path("FromUserID").asText() + ", last modified by "
                + order.path("LastModifierID").asText() + ", submitted by " + order.path("SubmittedBy").asText());
        List<String> supplierOrders = checkout.forwarded(orderID);
        return new Result(orderID, submitted.exportID(), order.path("Status").asText(), order.path("FromUserID").asText(),
                order.path("LastModifierID").asText(), order.path("SubmittedBy").asText(), supplierOrders);
    }

    /** Sam's cart, filled and shared; returns its ID. */
    private String share() {
        String sam = market.login(DemoMarketplace.SAM, DemoStory.STOREFRONT);
        say.step("Sam fills a cart for the Hudson, WI office and shares it with Acme (POST v1/cart/share)");
        String orderID = api.patch("v1/cart", sam, Map.of("ShippingAddressID", DemoCatalog.HUDSON.id())).path("ID").asText();
        for (LunchGroupOrder.Pick pick : SAM_PICKS) {
            JsonNode line = api.post("v1/cart/lineitems", sam, LunchGroupOrder.body(pick));
            bowlLineID = bowlLineID == null ? line.path("ID").asText() : bowlLineID;
            say.done("Sam adds " + LunchGroupOrder.describe(line));
        }
        JsonNode shared = api.post("v1/cart/share", sam, null);
        say.done("cart " + orderID + " shared with the organization (SharedWithOrganization = "
                + shared.path("SharedWithOrganization").asText() + ")");
        return orderID;
    }

    /** Kim switches to the shared cart and amends it; returns Kim's token. */
    private String amend(String orderID) {
        say.step("Kim switches to the shared cart and amends it");
        String kim = market.login(DemoMarketplace.KIM, DemoStory.STOREFRONT);
        List<String> visible = new ArrayList<>();
        api.listAll("v1/me/sharedcarts", kim).forEach(o -> visible.add(o.path("ID").asText()));
        say.done("GET v1/me/sharedcarts lists " + visible);
        api.put("v1/cart/" + orderID, kim, null);
        say.done("PUT v1/cart/" + orderID + ": it is now Kim's current cart");
        JsonNode bowls = api.patch("v1/cart/lineitems/" + bowlLineID, kim, Map.of("Quantity", KIM_BOWLS));
        say.done("Kim raises the bowls: " + LunchGroupOrder.describe(bowls) + " (the 10+ price break)");
        for (LunchGroupOrder.Pick pick : KIM_PICKS) {
            say.done("Kim adds " + LunchGroupOrder.describe(api.post("v1/cart/lineitems", kim, LunchGroupOrder.body(pick))));
        }
        return kim;
    }
}
