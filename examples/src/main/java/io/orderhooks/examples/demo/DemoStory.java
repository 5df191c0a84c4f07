package io.orderhooks.examples.demo;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.examples.app.MerchantMiddleware;
import io.orderhooks.examples.app.MerchantRegistration;
import io.orderhooks.examples.client.OrderCloudClient;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's story, told through the engine's own HTTP API as a merchant and its shoppers would, with numbered
 * steps on {@code out}; every call crosses real HTTP (shopper -> engine API -> middleware). The outcome is in
 * {@link #outcome()}. Not thread-safe; run it once.
 */
public final class DemoStory {

    public static final String STOREFRONT = "storefront";
    public static final String COLLECTION = CollectionInvitation.COLLECTION;

    /** What happened, for the summary and for tests. */
    public record Outcome(LunchGroupOrder.Result lunch, String collectionBlockedMessage, boolean samJoined,
            SharedCartStory.Result sharedCart, DemoSummary.Table summary) {}

    private final OrderEngine engine;
    private final MerchantMiddleware middleware;
    private final AdminBootstrap admin;
    private final String hashKey;
    private final Clock clock;
    private final Narrator say;
    private final OrderCloudClient api;
    private Outcome outcome;

    public DemoStory(OrderEngine engine, MerchantMiddleware middleware, AdminBootstrap admin, String hashKey, Clock clock,
            PrintWriter out) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.middleware = Objects.requireNonNull(middleware, "middleware");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.say = new Narrator(out);
        this.api = new OrderCloudClient(engine.baseUrl());
    }

    /**
     * Tells the story.
     *
     * @throws OrderCloudException when the API refuses a step the story expects to succeed
     * @throws IllegalStateException when the middleware's answer is not what the story expects
     */
    public void run() throws InterruptedException {
        say.step("Engine API on " + engine.baseUrl() + ", merchant middleware on " + middleware.baseUrl());
        String adminToken = api.clientCredentials(admin.clientID(), admin.clientSecret(), "FullAccess");
        say.done("admin token from POST /oauth/token (client " + admin.clientID() + ")");
        DemoMarketplace market = new DemoMarketplace(api, adminToken);

        say.step("The merchant plugs its middleware in through the engine's API");
        market.register(MerchantRegistration.demo(engine.baseUrl(), middleware.integrationUrl(), hashKey,
                middleware.preWebhookUrl(), middleware.postWebhookUrl(), hashKey, STOREFRONT));
        say.done("POST v1/integrationEvents " + MerchantRegistration.INTEGRATION_EVENT_ID + " -> " + middleware.integrationUrl());
        say.done("POST v1/apiclients " + STOREFRONT + " (checkout through " + MerchantRegistration.INTEGRATION_EVENT_ID + ")");
        say.done("POST v1/webhooks " + MerchantRegistration.PRE_WEBHOOK_ID + " -> " + middleware.preWebhookUrl());
        say.done("POST v1/webhooks " + MerchantRegistration.POST_WEBHOOK_ID + " -> " + middleware.postWebhookUrl());

        seed(market);
        LunchGroupOrder.Result lunch = new LunchGroupOrder(api, market, middleware, adminToken, clock, say).run();
        CollectionInvitation.Result collection = new CollectionInvitation(api, market, middleware, say).run();
        SharedCartStory.Result shared = new SharedCartStory(api, market, new Checkout(api, middleware, adminToken, say), say).run();

        engine.awaitWebhooksSent(Duration.ofSeconds(10));
        say.step("Summary");
        Path outbox = middleware.plugins().exporter().documentOf(lunch.orderID()).getParent();
        Map<String, List<String>> orders = new LinkedHashMap<>();
        orders.put(lunch.orderID(), lunch.supplierOrderIDs());
        orders.put(shared.orderID(), shared.supplierOrderIDs());
        DemoSummary.Table table = DemoSummary.read(api, adminToken, orders, outbox);
        DemoSummary.print(table, say);
        this.outcome = new Outcome(lunch, collection.blockedMessage(), collection.samJoined(), shared, table);
    }

    private void seed(DemoMarketplace market) {
        say.step("Seeding the demo marketplace through the API");
        market.seedBuyer(STOREFRONT);
        say.done("buyer " + DemoMarketplace.BUYER + " (Acme Corp) with users pat, sam (@acme.example) and kim (@other.org)");
        market.seedBuyerAddresses();
        say.done("offices " + DemoCatalog.MINNEAPOLIS.city() + ", " + DemoCatalog.MINNEAPOLIS.state() + " (pat) and "
                + DemoCatalog.HUDSON.city() + ", " + DemoCatalog.HUDSON.state() + " (sam, kim)");
        market.seedSuppliers();
        for (DemoCatalog.Supplier s : DemoCatalog.SUPPLIERS) {
            say.done("supplier " + s.name() + " shipping from " + s.shipFrom().city() + ", " + s.shipFrom().state()
                    + "; clerk " + DemoMarketplace.clerk(s.id()) + " (client " + DemoMarketplace.SUPPLIER_CLIENT + ")");
        }
        market.seedCatalog();
        for (DemoCatalog.Product p : DemoCatalog.PRODUCTS) {
            StringBuilder breaks = new StringBuilder();
            p.breaks().forEach(b -> breaks.append(breaks.length() == 0 ? "" : ", ").append(b.quantity()).append("+ ")
                    .append(Narrator.money(new BigDecimal(b.price()))));
            StringBuilder spec = new StringBuilder();
            if (p.spec() != null) {
                p.spec().options().forEach(o -> spec.append(spec.length() == 0 ? "; " + p.spec().name() + ": " : ", ")
                        .append(o.value()).append(" +").append(Narrator.money(new BigDecimal(o.markup()))));
            }
            say.done(p.name() + " (" + DemoCatalog.supplier(p.supplierID()).name() + ", " + p.taxCategory() + ", "
                    + p.shipWeight() + " lb): " + breaks + spec);
        }
    }

    /** What happened; null before {@link #run()} returned. */
    public Outcome outcome() {
        return outcome;
    }
}
