package io.orderhooks.benchmarks;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orders.Direction;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.AddressAssignment;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.ApiClientAssignment;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import io.orderhooks.core.model.ShipMethodSelection;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.jdbc.JdbcStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An in-process engine seeded for checkout benchmarks: a marketplace {@code seller}, buyer {@code b1} with
 * user {@code u1} (who can log in through the REST API: client {@code shop}, roles {@link #ROLES}) and a
 * Minneapolis shipping address {@code home}, {@value #PRODUCTS} products with price breaks in catalog
 * {@code cat}, and API client {@code shop} whose checkout integration event {@code ie} goes to the given
 * {@link CheckoutIntegration}. {@link #checkout} runs OrderCloud's whole buyer checkout.
 * Thread-safe as the engine is.
 */
public final class BenchEngine {

    /** Number of distinct products lines cycle through. */
    public static final int PRODUCTS = 25;
    public static final Caller SELLER = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    /** The storefront's API client; its checkout integration event is {@code ie}. */
    public static final String CLIENT_ID = "shop";
    /** The buyer user's login, for the REST API's password grant. */
    public static final String USERNAME = "u1@example.com";
    public static final String PASSWORD = "Bench-Pass-2026!";
    /** The buyer's roles (security profile {@code shoppers}, assigned to buyer {@code b1}). */
    public static final List<String> ROLES = List.of("Shopper", "MeAdmin");
    public static final Caller BUYER = Caller.buyer("u1", "b1", CLIENT_ID, "Shopper", "MeAdmin");

    private final Engine engine;
    /** The store the engine was built on (the engine's context holds it wrapped). */
    private final Store store;

    private BenchEngine(Engine engine, Store store) {
        this.engine = engine;
        this.store = store;
    }

    /** A seeded engine delivering checkout events to {@code integration}. */
    public static BenchEngine seeded(CheckoutIntegration integration) {
        return seeded(integration, "https://middleware.invalid/integration");
    }

    /**
     * A seeded engine whose integration event points at {@code middlewareUrl}, delivered by {@code integration}. On a
     * store another bench engine already seeded (several engines on one PostgreSQL) the seed is skipped.
     */
    public static BenchEngine seeded(CheckoutIntegration integration, String middlewareUrl) {
        return seeded(integration, middlewareUrl, BenchStore.fromProperty());
    }

    /** As {@link #seeded(CheckoutIntegration, String)} on the given store. */
    static BenchEngine seeded(CheckoutIntegration integration, String middlewareUrl,
                              Store store) {
        BenchEngine bench = new BenchEngine(Engine.builder().passwordHasher(new PasswordHasher(1))
                .store(store).checkoutIntegration(integration).build(), store);
        bench.seed(middlewareUrl);
        return bench;
    }

    /**
     * A fake middleware answering from memory with canned bytes: two ship methods on one estimate, a fixed
     * tax total for calculate, and an empty success for submit. Isolates the engine's own cost.
     */
    public static CheckoutIntegration cannedMiddleware() {
        byte[] rates = bytes("{\"ShipEstimates\":[{\"ID\":\"e1\",\"ShipMethods\":[{\"ID\":\"ground\",\"Name\":\"Ground\","
                + "\"Cost\":9.95,\"EstimatedTransitDays\":5},{\"ID\":\"air\",\"Name\":\"Air\",\"Cost\":29.95,"
                + "\"EstimatedTransitDays\":1}]}]}");
        byte[] calculate = bytes("{\"TaxTotal\":12.34,\"xp\":{\"Tax\":{\"Calculator\":\"canned\"}}}");
        byte[] submit = bytes("{\"xp\":{\"Exported\":true}}");
        return call -> new DeliveryOutcome.Delivered(200, switch (call.type()) {
            case SHIPPING_RATES -> rates;
            case ORDER_CALCULATE -> calculate;
            default -> submit;
        }, Duration.ZERO);
    }

    public Engine engine() {
        return engine;
    }

    /** Creates an order for {@link #BUYER}; lines ship to {@code home}. */
    public Order createOrder() {
        return engine.orders().create(BUYER, Order.builder().shippingAddressID("home").build());
    }

    /**
     * The whole checkout: create, add {@code lines} lines, estimate shipping, select each estimate's first ship
     * method, calculate and submit.
     *
     * @throws IllegalStateException if estimate or calculate failed or the order did not end up {@code Open}
     */
    public Order checkout(int lines) {
        String id = createOrder().id();
        for (int i = 0; i < lines; i++) {
            engine.lineItems().add(BUYER, Direction.Outgoing, id, line(i));
        }
        OrderWorksheet estimated = engine.checkout().estimateShipping(BUYER, Direction.Outgoing, id, "bench-token");
        if (!Boolean.TRUE.equals(estimated.shipEstimateResponse().succeeded())) {
            throw new IllegalStateException("estimate failed for " + id + ": " + estimated.shipEstimateResponse().unhandledErrorBody());
        }
        List<ShipMethodSelection> firstMethods = estimated.shipEstimateResponse().shipEstimates().stream()
                .map(e -> new ShipMethodSelection(e.id(), e.shipMethods().get(0).id())).toList();
        engine.checkout().selectShipMethods(BUYER, Direction.Outgoing, id, firstMethods);
        OrderWorksheet calculated = engine.checkout().calculate(BUYER, Direction.Outgoing, id, "bench-token");
        if (!Boolean.TRUE.equals(calculated.orderCalculateResponse().succeeded())) {
            throw new IllegalStateException("calculate failed for " + id + ": " + calculated.orderCalculateResponse().unhandledErrorBody());
        }
        Order submitted = engine.submit().submit(BUYER, Direction.Outgoing, id, "bench-token");
        if (submitted.status() != OrderStatus.Open) {
            throw new IllegalStateException("order " + id + " ended " + submitted.status());
        }
        return submitted;
    }

    /**
     * Gives a durable store an order history before a load run: {@code count} submitted orders of buyer {@code b1},
     * each a copy (ID {@code hist-N}, dates {@code count - N} minutes before the template's) of one real
     * {@link #checkout} of {@code lines} lines made first, imported in batches of 1,000 orders
     * ({@code JdbcStore.importOrders}); then on PostgreSQL what a live database's autovacuum would have done to them
     * ({@link OrderListHarness#analyze}: statistics, the visibility map). A production database is not empty: on an
     * empty one autovacuum's thresholds (20 % of a table's rows) make it vacuum and analyse the growing tables over
     * and over in a load run's first minutes (docs/PERFORMANCE.md, "Session 18"). Skipped when the store holds the
     * history already (a second engine on the same PostgreSQL).
     *
     * @param url the store's JDBC URL, for the vacuum (null: not PostgreSQL)
     * @return the seconds it took, 0 when skipped
     * @throws IllegalArgumentException when the engine's store is not a durable one
     */
    public double seedHistory(int count, int lines, String url, String user, String password) throws SQLException {
        if (count <= 0) {
            return 0;
        }
        if (!(this.store instanceof JdbcStore store)) {
            throw new IllegalArgumentException("an order history needs a durable store (h2 or PostgreSQL)");
        }
        if (store.order("hist-0").isPresent()) {
            return 0;
        }
        long start = System.nanoTime();
        var template = store.order(checkout(lines).id()).orElseThrow();
        Order order = template.order();
        Iterable<OrderState> copies = () -> IntStream.range(0, count)
                .mapToObj(i -> template.withOrder(order.toBuilder().id("hist-" + i)
                        .dateCreated(order.dateCreated().minusMinutes(count - i))
                        .dateSubmitted(order.dateSubmitted().minusMinutes(count - i)).build()))
                .iterator();
        store.importOrders(copies, 1000);
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            OrderListHarness.analyze(url, user, password);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void saveIntegrationEvent(String middlewareUrl) {
        engine.integrations().saveEvent(SELLER, new IntegrationEvent(null, "ie", OrderCloudJson.mapper().createObjectNode(),
                "OrderCheckout", middlewareUrl, null, null, "Checkout", BenchMiddleware.HASH_KEY));
    }

    /** Line {@code i} of an order: products cycle through P1..P25, quantities 1 to 5. */
    public static LineItem line(int i) {
        return LineItem.builder().productID("P" + (i % PRODUCTS + 1)).quantity(1 + i % 5).build();
    }

    private void seed(String middlewareUrl) {
        if (engine.context().store().table(io.orderhooks.engine.internal.store.Tables.CATALOGS).find("cat").isPresent()) {
            // a shared database another bench engine seeded already (another instance, or an earlier run on the same
            // PostgreSQL with a merchant of its own): only point the integration event at this run's merchant
            saveIntegrationEvent(middlewareUrl);
            return;
        }
        var catalog = engine.catalog();
        catalog.saveCatalog(SELLER, Catalog.builder().id("cat").name("Main").build());
        engine.orgs().saveBuyer(SELLER, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveUser(SELLER, "b1", User.builder().id("u1").username(USERNAME).password(PASSWORD).active(true).build());
        engine.addresses().saveAddress(SELLER, "b1", Address.builder().id("home").firstName("Ada").lastName("Buyer")
                .street1("110 N 5th St").city("Minneapolis").state("MN").zip("55403").country("US").build());
        engine.addresses().assign(SELLER, "b1", new AddressAssignment("home", null, null, true, true));
        catalog.savePriceSchedule(SELLER, PriceSchedule.builder().id("ps").name("Standard").priceBreaks(List.of(
                new PriceBreak(1, new BigDecimal("12.50"), null), new PriceBreak(3, new BigDecimal("11.75"), null),
                new PriceBreak(5, new BigDecimal("10.99"), null))).build());
        for (int p = 1; p <= PRODUCTS; p++) {
            catalog.createProduct(SELLER, Product.builder().id("P" + p).name("Product " + p).active(true)
                    .defaultPriceScheduleID("ps").xp(OrderCloudJson.mapper().createObjectNode()
                            .put("TaxCategory", p % 3 == 0 ? "food" : "general")).build());
            catalog.assignProductToCatalog(SELLER, new ProductCatalogAssignment("cat", "P" + p));
        }
        saveIntegrationEvent(middlewareUrl);
        engine.integrations().saveClient(SELLER, ApiClient.builder().id(CLIENT_ID).appName("Shop").active(true)
                .accessTokenDuration(600).orderCheckoutIntegrationEventID("ie").build());
        engine.integrations().assign(SELLER, new ApiClientAssignment(CLIENT_ID, "b1", null));
        engine.securityProfiles().save(SELLER, "shoppers", new SecurityProfile("shoppers", "Shoppers", ROLES, List.of(), null, false));
        engine.securityProfiles().assign(SELLER, new SecurityProfileAssignment("shoppers", "b1", null, null, null));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
