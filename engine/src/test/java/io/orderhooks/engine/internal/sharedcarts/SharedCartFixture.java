package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.Inventory;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.spi.PreHookDecision;
import io.orderhooks.engine.spi.WebhookEndpoint;
import io.orderhooks.engine.spi.WebhookSink;
import io.orderhooks.core.time.MutableClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.function.Executable;

/**
 * Buyer b1 with users u1, u2, u3 (all active), buyer b2 with x1; product P1 (10.00, optional spec Color red/blue)
 * and P2 (5.00, 5 in stock, inventory tracked). Callers use a client without checkout integration. Purge notices
 * and webhook deliveries are recorded.
 */
final class SharedCartFixture {

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final List<PurgeNotice> notices = new CopyOnWriteArrayList<>();
    final List<byte[]> delivered = new CopyOnWriteArrayList<>();
    final Engine engine;
    final Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    final Caller u1 = Caller.buyer("u1", "b1", "plain", "Shopper");
    final Caller u2 = Caller.buyer("u2", "b1", "plain", "Shopper");
    final Caller u3 = Caller.buyer("u3", "b1", "plain", "Shopper");
    final Caller x1 = Caller.buyer("x1", "b2", "plain", "Shopper");

    SharedCartFixture() {
        this(true);
    }

    /** @param recordNotices true: notices go to {@link #notices}; false: the default webhook message sender. */
    SharedCartFixture(boolean recordNotices) {
        this(recordNotices, new io.orderhooks.engine.internal.store.internal.InMemoryStore());
    }

    /** Notices recorded; the engine's state in {@code store}. */
    SharedCartFixture(io.orderhooks.engine.internal.store.Store store) {
        this(true, store);
    }

    private SharedCartFixture(boolean recordNotices, io.orderhooks.engine.internal.store.Store store) {
        WebhookSink sink = new WebhookSink() {
            @Override
            public PreHookDecision before(WebhookEndpoint hook, byte[] payload) {
                return new PreHookDecision(true, null, null);
            }

            @Override
            public void after(WebhookEndpoint hook, byte[] payload) {
                delivered.add(payload);
            }
        };
        Engine.Builder b = Engine.builder().store(store).clock(clock).passwordHasher(new PasswordHasher(1)).webhookSink(sink);
        if (recordNotices) {
            b.purgeNoticeSender(notices::add);
        }
        engine = b.build();
        var cat = engine.catalog();
        cat.saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveBuyer(seller, new Buyer("b2", "Buyer Two", "cat", true, null, null));
        for (String[] u : new String[][] {{"b1", "u1"}, {"b1", "u2"}, {"b1", "u3"}, {"b2", "x1"}}) {
            engine.orgs().saveUser(seller, u[0], User.builder().id(u[1]).username(u[1] + "@x").password("pw-" + u[1]).active(true).build());
        }
        product("P1", "10.00", null);
        product("P2", "5.00", new Inventory(true, null, null, false, 5, null));
        cat.saveSpec(seller, Spec.builder().id("Color").name("Color").required(false).build());
        cat.saveSpecOption(seller, "Color", SpecOption.builder().id("red").value("Red").build());
        cat.saveSpecOption(seller, "Color", SpecOption.builder().id("blue").value("Blue").build());
        cat.assignSpec(seller, new SpecProductAssignment("Color", "P1", null, null));
    }

    private void product(String id, String price, Inventory inventory) {
        engine.catalog().savePriceSchedule(seller, PriceSchedule.builder().id("ps-" + id).name(id)
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal(price), null))).build());
        engine.catalog().createProduct(seller, Product.builder().id(id).name(id).active(true).defaultPriceScheduleID("ps-" + id)
                .inventory(inventory).build());
        engine.catalog().assignProductToCatalog(seller, new ProductCatalogAssignment("cat", id));
    }

    Order cart(Caller c, String id) {
        return engine.orders().create(c, Order.builder().id(id).build());
    }

    LineItem add(Caller c, String orderID, String productID, int quantity, String colorOption) {
        List<LineItemSpec> specs = colorOption == null ? null : List.of(new LineItemSpec("Color", null, colorOption, null, null, null));
        return engine.lineItems().add(c, Outgoing, orderID, LineItem.builder().productID(productID).quantity(quantity).specs(specs).build());
    }

    Order order(Caller c, String orderID) {
        return engine.orders().get(c, Outgoing, orderID);
    }

    SharedCartService carts() {
        return engine.sharedCarts();
    }

    /** The error a call raises. */
    static OrderCloudException thrown(Executable call) {
        try {
            call.execute();
        } catch (OrderCloudException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected an OrderCloudException, got " + t, t);
        }
        throw new AssertionError("expected an OrderCloudException, nothing was thrown");
    }
}
