package io.orderhooks.examples.delivery;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderWorksheet;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.ShipMethodSelection;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.spi.DeliveryLog.Query;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.delivery.Deliverer;
import io.orderhooks.engine.delivery.RetrySchedule;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.engine.senders.webhooks.HttpWebhookSink;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * An engine wired to the real senders and its API on a random port: {@link HttpCheckoutIntegration} and
 * {@link HttpWebhookSink} (no worker threads: tests pump post-webhooks with {@code runDue()}), one
 * {@link InMemoryDeliveryLog} behind both and {@code v1/deliveries}, every clock the same {@link MutableClock}.
 *
 * <p>Seeded through the engine's services: buyer {@code b1} with users {@code u1} and {@code u2}; product
 * {@code P1} at 10.00 with 10 in stock; spending account {@code sa} holding 100.00; integration events
 * {@code ieA} and {@code ieB} at the given URLs, used by API clients {@code shopA} ({@link #buyerA}) and
 * {@code shopB} ({@link #buyerB}). Breakers open after 2 failures in the last 4 calls (once 4 were made)
 * and stay open for {@link Deliverer#DEFAULT_OPEN_WAIT} on the clock; responses over 64 KiB are refused unread.
 */
final class DeliveryMarketplace implements AutoCloseable {

    static final String HASH_KEY = "ie-hash-key";
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    static final Duration BREAKER_WAIT = Deliverer.DEFAULT_OPEN_WAIT;
    static final String RATES = "{\"ShipEstimates\":[{\"ID\":\"e1\",\"ShipMethods\":["
            + "{\"ID\":\"ground\",\"Name\":\"Ground\",\"Cost\":5.00},{\"ID\":\"air\",\"Name\":\"Air\",\"Cost\":15.00}]}]}";

    private static final OkHttpClient HTTP = Transports.defaultHttpClient();

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Deliverer.defaultBreakerConfig(clock)
            .slidingWindow(4, 4, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).build());
    final HttpCheckoutIntegration checkout;
    final HttpWebhookSink webhooks;
    final ApiTestServer api;
    final Engine engine;
    final Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    final Caller buyerA = Caller.buyer("u1", "b1", "shopA", "Shopper");
    final Caller buyerB = Caller.buyer("u2", "b1", "shopB", "Shopper");

    DeliveryMarketplace(Duration timeLimit, String urlA, String urlB) {
        checkout = new HttpCheckoutIntegration(CheckoutSenderSettings.builder(log).clock(clock).timeLimit(timeLimit)
                .maxAttempts(3).retryWait(Duration.ofMillis(10)).breakers(breakers)
                .maxResponseBytes(MAX_RESPONSE_BYTES).build(), HTTP);
        webhooks = new HttpWebhookSink(WebhookSinkSettings.builder(log).clock(clock).workers(0).random(() -> 0.5)
                .preTimeLimit(timeLimit).postTimeLimit(timeLimit)
                .schedule(RetrySchedule.of(0, Duration.ofSeconds(1), Duration.ofSeconds(5))).build(), HTTP);
        Redelivery redelivery = Redelivery.byKind(log,
                Map.of(DeliveryRecord.Kind.CHECKOUT, checkout, DeliveryRecord.Kind.POST_WEBHOOK, webhooks));
        api = ApiTestServer.start(e -> e.clock(clock).checkoutIntegration(checkout).webhookSink(webhooks),
                a -> a.deliveryLog(log).redelivery(redelivery));
        engine = api.engine();
        seed(urlA, urlB);
    }

    private void seed(String urlA, String urlB) {
        var catalog = engine.catalog();
        catalog.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        for (String user : List.of("u1", "u2")) {
            engine.orgs().saveUser(seller, "b1", User.builder().id(user).username(user + "@example.com")
                    .password("pw-" + user).active(true).build());
        }
        catalog.savePriceSchedule(seller, PriceSchedule.builder().id("ps1").name("P1 prices")
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal("10.00"), null))).build());
        catalog.createProduct(seller, Product.builder().id("P1").name("Shirt").active(true).defaultPriceScheduleID("ps1")
                .inventory(new Inventory(true, null, false, false, 10, null)).build());
        catalog.assignProductToCatalog(seller, new ProductCatalogAssignment("cat", "P1"));
        engine.spendingAccounts().save(seller, "b1",
                new SpendingAccount("sa", "Budget", new BigDecimal("100.00"), true, null, null, null, null));
        engine.spendingAccounts().assign(seller, "b1", new SpendingAccountAssignment("sa", null, null, false));
        integration("ieA", urlA, "shopA");
        integration("ieB", urlB, "shopB");
    }

    private void integration(String eventID, String url, String clientID) {
        engine.integrations().saveEvent(seller, new IntegrationEvent(null, eventID, null, "OrderCheckout", url, null, null,
                "Checkout " + eventID, HASH_KEY));
        engine.integrations().saveClient(seller, ApiClient.builder().id(clientID).appName(clientID)
                .orderCheckoutIntegrationEventID(eventID).build());
    }

    /** A cart of {@code quantity} x P1 for {@code buyer}. */
    void cart(Caller buyer, String orderID, int quantity) {
        engine.orders().create(buyer, Order.builder().id(orderID).build());
        engine.lineItems().add(buyer, Outgoing, orderID, LineItem.builder().productID("P1").quantity(quantity).build());
    }

    OrderWorksheet estimate(Caller buyer, String orderID) {
        return engine.checkout().estimateShipping(buyer, Outgoing, orderID, "buyer-token");
    }

    OrderWorksheet calculate(Caller buyer, String orderID) {
        return engine.checkout().calculate(buyer, Outgoing, orderID, "buyer-token");
    }

    /** Estimate, choose ground and calculate: the order is then ready to submit. */
    OrderWorksheet checkoutReady(Caller buyer, String orderID) {
        estimate(buyer, orderID);
        engine.checkout().selectShipMethods(buyer, Outgoing, orderID, List.of(new ShipMethodSelection("e1", "ground")));
        return calculate(buyer, orderID);
    }

    Order submit(Caller buyer, String orderID) {
        return engine.submit().submit(buyer, Outgoing, orderID, "buyer-token");
    }

    OrderWorksheet worksheet(Caller buyer, String orderID) {
        return engine.checkout().worksheet(buyer, Outgoing, orderID);
    }

    int stock() {
        return engine.catalog().getProduct(seller, "P1").inventory().quantityAvailable();
    }

    BigDecimal balance() {
        return engine.spendingAccounts().get(seller, "b1", "sa").balance();
    }

    /** The order's delivery records, oldest first. */
    List<DeliveryRecord> records(String orderID) {
        List<DeliveryRecord> records = new ArrayList<>(log.list(Query.ALL.withOrderID(orderID)));
        Collections.reverse(records);
        return records;
    }

    @Override
    public void close() {
        webhooks.close();
        api.close();
    }
}
