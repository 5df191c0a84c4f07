package io.orderhooks.examples.demo;

import io.orderhooks.core.api.AdminBootstrap;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.spi.DeliveryRecord;
import io.orderhooks.examples.app.EngineServer;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.merchant.InvitationDirectory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The demo's story, told through the engine's own HTTP API as a merchant and its shoppers would, with numbered
 * steps on {@code out}; every call crosses real HTTP (shopper -> engine API -> middleware). The outcome is in
 * {@link #outcome()}. Not thread-safe; run it once.
 */
public final class DemoStory {

    public static final String STOREFRONT = "storefront";
    public static final String COLLECTION = "team-lunch";

    /** What happened, for the summary and for tests. */
    public record Outcome(String blockedMessage, boolean samJoined, Map<String, Long> deliveries) {}

    private final EngineServer engine;
    private final MerchantMiddleware middleware;
    private final AdminBootstrap admin;
    private final String hashKey;
    private final Narrator say;
    private final OrderCloudClient api;
    private Outcome outcome;

    public DemoStory(EngineServer engine, MerchantMiddleware middleware, AdminBootstrap admin, String hashKey, PrintWriter out) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.middleware = Objects.requireNonNull(middleware, "middleware");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey");
        this.say = new Narrator(out);
        this.api = new OrderCloudClient(engine.baseUrl());
    }

    /**
     * Tells the story; returns whether every step went as told.
     *
     * @throws OrderCloudException when the API refuses a step the story expects to succeed
     */
    public boolean run() throws InterruptedException {
        say.step("Engine API on " + engine.baseUrl() + ", merchant middleware on " + middleware.baseUrl());
        String adminToken = api.clientCredentials(admin.clientID(), admin.clientSecret(), "FullAccess");
        say.done("admin token from POST /oauth/token (client " + admin.clientID() + ")");
        DemoMarketplace market = new DemoMarketplace(api, adminToken);

        say.step("The merchant plugs its middleware in through the engine's API");
        market.register(new MerchantRegistration(engine.baseUrl(), middleware.integrationUrl(), hashKey,
                middleware.preWebhookUrl(), middleware.postWebhookUrl(), hashKey, STOREFRONT));
        say.done("POST v1/integrationEvents " + MerchantRegistration.INTEGRATION_EVENT_ID + " -> " + middleware.integrationUrl());
        say.done("POST v1/apiclients " + STOREFRONT + " (checkout through " + MerchantRegistration.INTEGRATION_EVENT_ID + ")");
        say.done("POST v1/webhooks " + MerchantRegistration.PRE_WEBHOOK_ID + " -> " + middleware.preWebhookUrl());
        say.done("POST v1/webhooks " + MerchantRegistration.POST_WEBHOOK_ID + " -> " + middleware.postWebhookUrl());

        say.step("Seeding the demo marketplace");
        market.seedBuyer(STOREFRONT);
        say.done("buyer " + DemoMarketplace.BUYER + " (Acme Corp) with users pat, sam (@acme.example) and kim (@other.org)");
        market.seedSuppliers();
        say.done("suppliers " + String.join(", ", new TreeMap<>(DemoMarketplace.SUPPLIERS).values()));

        boolean invitationStory = collectionInvitation(market);
        engine.awaitWebhooksSent(Duration.ofSeconds(10));
        this.outcome = new Outcome(blockedMessage, samJoined, deliveries());
        summary();
        return invitationStory;
    }

    private String blockedMessage;
    private boolean samJoined;

    private boolean collectionInvitation(DemoMarketplace market) throws InterruptedException {
        say.step("Pat shares a product collection, for Acme colleagues only");
        String pat = market.login(DemoMarketplace.PAT, STOREFRONT);
        api.post("v1/me/productcollections", pat, Map.of("ID", COLLECTION, "Name", "Team lunch favourites"));
        String invitationID = api.post("v1/me/productcollections/" + COLLECTION + "/invitations", pat,
                Map.of("Name", "Acme colleagues", "xp", Map.of("EmailDomain", "acme.example"))).path("ID").asText();
        say.done("collection " + COLLECTION + ", invitation " + invitationID + " with xp.EmailDomain = acme.example");
        if (!middleware.directory().await(InvitationDirectory.Kind.PRODUCT_COLLECTION, invitationID, Duration.ofSeconds(10))) {
            say.refused("the middleware never received the invitation's post-webhook");
            return false;
        }
        say.done("the middleware learned the invitation from its post-webhook");

        say.step("Kim (kim@other.org) tries the invitation link");
        String accept = "v1/me/productcollections/" + COLLECTION + "/invitations/accept/" + invitationID;
        try {
            api.post(accept, market.login(DemoMarketplace.KIM, STOREFRONT), null);
            say.refused("the invitation guard let Kim in");
            return false;
        } catch (OrderCloudException blocked) {
            blockedMessage = blocked.getMessage();
            say.refused("blocked by the pre-webhook (" + blocked.status() + " " + blocked.errorCode() + "): " + blockedMessage);
        }

        say.step("Sam (sam@acme.example) accepts it");
        String sam = market.login(DemoMarketplace.SAM, STOREFRONT);
        api.post(accept, sam, null);
        samJoined = api.get("v1/me/productcollections/" + COLLECTION, sam).path("ID").asText().equals(COLLECTION);
        say.done("accepted; Sam now sees collection " + COLLECTION);
        return samJoined;
    }

    private Map<String, Long> deliveries() {
        Map<String, Long> counts = new TreeMap<>();
        for (DeliveryRecord r : engine.deliveryLog().list(io.orderhooks.core.spi.DeliveryLog.Query.ALL)) {
            counts.merge(r.kind() + " " + r.outcome(), 1L, Long::sum);
        }
        return counts;
    }

    private void summary() {
        say.step("Summary");
        say.line(String.format("%-34s %s", "Deliveries (engine -> middleware)", "count"));
        outcome.deliveries().forEach((what, count) -> say.line(String.format("%-34s %5d", what, count)));
        say.line("");
        say.line("Not in this build yet (the engine does not serve catalog, order and cart routes):");
        say.line("products with price breaks and specs, the lunch group order with its spending cap, shipping,");
        say.line("tax, payment, submit, export, supplier forwarding, shipments and the shared cart.");
    }

    /** What happened; null before {@link #run()}. */
    public Outcome outcome() {
        return outcome;
    }
}
