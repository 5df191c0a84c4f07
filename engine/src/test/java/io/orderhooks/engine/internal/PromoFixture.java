package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.PriceBreak;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Promotion;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** {@link EngineFixture} plus product P2 (50.00, xp.Categories ["mugs"]) and helpers for orders and promotions. */
final class PromoFixture {

    final EngineFixture f;
    final Engine e;

    PromoFixture() {
        this(new EngineFixture());
    }

    /** The promotion products on top of {@code f}'s marketplace. */
    PromoFixture(EngineFixture f) {
        this.f = f;
        this.e = f.engine;
        e.catalog().savePriceSchedule(f.seller, PriceSchedule.builder().id("ps2").name("P2 prices")
                .priceBreaks(List.of(new PriceBreak(1, new BigDecimal("50.00"), null))).build());
        var xp = OrderCloudJson.mapper().createObjectNode();
        xp.putArray("Categories").add("mugs").add("kitchen");
        e.catalog().createProduct(f.seller, Product.builder().id("P2").name("Mug").active(true).defaultPriceScheduleID("ps2").xp(xp).build());
        e.catalog().assignProductToCatalog(f.seller, new ProductCatalogAssignment("cat", "P2"));
    }

    Order cart(Caller c, String id) {
        return e.orders().create(c, Order.builder().id(id).build());
    }

    LineItem add(Caller c, String orderID, String productID, int q) {
        return e.lineItems().add(c, Outgoing, orderID, LineItem.builder().productID(productID).quantity(q).build());
    }

    Order order(String id) {
        return e.orders().get(f.seller, io.orderhooks.engine.internal.orders.Direction.Incoming, id);
    }

    /** A promotion for all buyers with the given code and expressions. */
    static Promotion.Builder promo(String code, String eligible, String value) {
        return Promotion.builder().id(code).code(code).eligibleExpression(eligible).valueExpression(value).allowAllBuyers(true);
    }

    Promotion save(Promotion.Builder b) {
        return e.promotions().save(f.seller, b.build());
    }

    static OrderCloudException thrown(ThrowingCallable call, String code) {
        OrderCloudException[] out = new OrderCloudException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderCloudException.class, x -> out[0] = x)
                .extracting(x -> ((OrderCloudException) x).errorCode()).isEqualTo(code);
        return out[0];
    }
}
