package io.orderhooks.examples.demo;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.merchant.InvitationDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Part two of the demo: Pat shares a product collection with an invitation for {@code acme.example} addresses;
 * the middleware's {@code InvitationGuard} pre-webhook blocks Kim ({@code other.org}) and lets Sam in. Not
 * thread-safe; run once.
 */
final class CollectionInvitation {

    static final String COLLECTION = "team-lunch";

    /** What happened: the guard's message to Kim, and whether Sam then saw the collection. */
    record Result(String blockedMessage, boolean samJoined) {}

    private final OrderCloudClient api;
    private final DemoMarketplace market;
    private final MerchantMiddleware middleware;
    private final Narrator say;

    CollectionInvitation(OrderCloudClient api, DemoMarketplace market, MerchantMiddleware middleware, Narrator say) {
        this.api = Objects.requireNonNull(api, "api");
        this.market = Objects.requireNonNull(market, "market");
        this.middleware = Objects.requireNonNull(middleware, "middleware");
        this.say = Objects.requireNonNull(say, "say");
    }

    Result run() throws InterruptedException {
        say.step("Pat shares a product collection, for Acme colleagues only");
        String pat = market.login(DemoMarketplace.PAT, DemoStory.STOREFRONT);
        api.post("v1/me/productcollections", pat, Map.of("ID", COLLECTION, "Name", "Team lunch favourites"));
        for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
            api.put("v1/me/productcollections/" + COLLECTION + "/" + p.id(), pat, null);
        }
        String invitationID = api.post("v1/me/productcollections/" + COLLECTION + "/invitations", pat,
                Map.of("Name", "Acme colleagues", "xp", Map.of("EmailDomain", "acme.example"))).path("ID").asText();
        say.done("collection " + COLLECTION + " (" + DemoCatalog.PRODUCTS.size() + " products), invitation " + invitationID
                + " with xp.EmailDomain = acme.example");
        if (!middleware.directory().await(InvitationDirectory.Kind.PRODUCT_COLLECTION, invitationID, Duration.ofSeconds(10))) {
            throw new IllegalStateException("the middleware never received invitation " + invitationID + "'s post-webhook");
        }
        say.done("the middleware learned the invitation from its post-webhook");

        say.step("Kim (kim@other.org) tries the invitation link");
        String accept = "v1/me/productcollections/" + COLLECTION + "/invitations/accept/" + invitationID;
        String blockedMessage;
        try {
            api.post(accept, market.login(DemoMarketplace.KIM, DemoStory.STOREFRONT), null);
            throw new IllegalStateException("the invitation guard let Kim in");
        } catch (OrderCloudException blocked) {
            blockedMessage = blocked.getMessage();
            say.refused("blocked by the InvitationGuard pre-webhook (" + blocked.status() + " " + blocked.errorCode() + "): "
                    + blockedMessage);
        }

        say.step("Sam (sam@acme.example) accepts it");
        String sam = market.login(DemoMarketplace.SAM, DemoStory.STOREFRONT);
        api.post(accept, sam, null);
        boolean joined = api.get("v1/me/productcollections/" + COLLECTION, sam).path("ID").asText().equals(COLLECTION);
        int entries = api.listAll("v1/me/productcollections/" + COLLECTION + "/products", sam).size();
        say.done("accepted; Sam now sees collection " + COLLECTION + " with " + entries + " products");
        return new Result(blockedMessage, joined);
    }
}
