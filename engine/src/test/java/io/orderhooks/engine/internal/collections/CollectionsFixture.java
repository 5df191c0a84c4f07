package io.orderhooks.engine.internal.collections;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.Supplier;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.core.time.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A marketplace for collection tests. Buyer b1 (default catalog {@code cat}, plus {@code cat2} without
 * ViewAllProducts) has users own, u2 (group g1), u3 and the anonymous context user anon; buyer b2 (catalog
 * {@code catB2}) has x1. Products: P1 and P3 in cat (P3 supplied by s1), P2 in cat2 assigned to g1 only, P9 in
 * catB2 supplied by s2. Supplier s1 sells to b1, s2 to b2 (supplier-buyer assignments); s3 has AllBuyersCanOrder. A recording webhook sink keeps what it is handed.
 */
public final class CollectionsFixture {

    public record Delivery(WebhookEndpoint endpoint, byte[] payload) {
        public MessageNotification notification() {
            try {
                return OrderCloudJson.mapper().readValue(payload, MessageNotification.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    public final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    public final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
    public final WebhookSink sink = new WebhookSink() {
        @Override
        public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
            return new PreHookDecision(true, null, null);
        }

        @Override
        public void after(WebhookEndpoint hook, byte[] payload) {
            delivered.add(new Delivery(hook, payload));
        }
    };
    public final Engine engine = Engine.builder().clock(clock).passwordHasher(new PasswordHasher(1))
            .webhookSink(sink).messageSubscriptions(() -> webhooks).build();

    public final Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    public final Caller owner = Caller.buyer("own", "b1", "shop", "Shopper");
    public final Caller u2 = Caller.buyer("u2", "b1", "shop", "Shopper");
    public final Caller u3 = Caller.buyer("u3", "b1", "shop", "Shopper");
    public final Caller anon = Caller.anonymousBuyer("anon", "b1", "shop", "Shopper");
    public final Caller x1 = Caller.buyer("x1", "b2", "shop", "Shopper");

    public CollectionsFixture() {
        seed(engine, seller);
    }

    /** Seeds the marketplace described in the class comment into {@code engine}. */
    public static void seed(Engine engine, Caller seller) {
        var cat = engine.catalog();
        for (String c : List.of("cat", "cat2", "catB2")) {
            cat.saveCatalog(seller, Catalog.builder().id(c).name(c).build());
        }
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveBuyer(seller, new Buyer("b2", "Buyer Two", "catB2", true, null, null));
        cat.assignCatalog(seller, new CatalogAssignment("cat2", "b1", true, false));
        for (String[] u : new String[][] {{"b1", "own"}, {"b1", "u2"}, {"b1", "u3"}, {"b1", "anon"}, {"b2", "x1"}}) {
            engine.orgs().saveUser(seller, u[0], User.builder().id(u[1]).username(u[1] + "@x").email(u[1] + "@example.com")
                    .password("pw-" + u[1]).active(true).build());
        }
        engine.orgs().saveUserGroup(seller, "b1", new UserGroup("g1", "Household", null, null));
        engine.orgs().assignUserToGroup(seller, "b1", new UserGroupAssignment("g1", "u2"));
        for (String s : List.of("s1", "s2", "s3")) {
            engine.orgs().saveSupplier(seller, new Supplier(s, s, true, null, s.equals("s3"), null));
        }
        var supplierBuyers = engine.context().store().table(Tables.SUPPLIER_BUYERS);
        supplierBuyers.put(Table.key("s1", "b1"), "b1");
        supplierBuyers.put(Table.key("s2", "b2"), "b2");
        cat.savePriceSchedule(seller, PriceSchedule.builder().id("ps1").name("Standard").priceBreaks(List.of(
                new PriceBreak(1, new BigDecimal("10.00"), null))).build());
        product(engine, seller, "P1", null, "cat");
        product(engine, seller, "P2", null, "cat2");
        product(engine, seller, "P3", "s1", "cat");
        product(engine, seller, "P9", "s2", "catB2");
        cat.assignProduct(seller, new ProductAssignment(null, "P2", "b1", "g1", null));
    }

    private static void product(Engine engine, Caller seller, String id, String supplier, String catalog) {
        engine.catalog().createProduct(seller, Product.builder().id(id).name("Product " + id).active(true)
                .defaultPriceScheduleID("ps1").defaultSupplierID(supplier).build());
        engine.catalog().assignProductToCatalog(seller, new ProductCatalogAssignment(catalog, id));
    }

    public ProductCollectionService collections() {
        return engine.productCollections();
    }

    public ProductCollectionInvitationService invitations() {
        return engine.productCollectionInvitations();
    }

    public ProductCollection collection(Caller caller, String id, String level) {
        return collections().create(caller, new ProductCollection(id, "List " + id, null, level));
    }

    /** Subscribes a webhook to the message types given. */
    public void subscribe(String id, List<String> clients, String... messageTypes) {
        webhooks.add(new Webhook(id, id, null, "https://merchant.example/" + id, "key", null,
                OrderCloudJson.mapper().createObjectNode().put("From", "shop@example.com"), false, clients,
                java.util.Arrays.stream(messageTypes).map(t -> new WebhookRoute(t, "MESSAGE")).toList(),
                null, null, null, null));
    }
}
