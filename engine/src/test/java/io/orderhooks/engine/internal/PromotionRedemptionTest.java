package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.promo;
import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.promotions.Redemptions;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.CheckoutEventType;
import io.orderhooks.engine.spi.DeliveryOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PromotionRedemptionTest {

    final PromoFixture p = new PromoFixture();
    final EngineFixture f = p.f;
    final Engine e = p.e;

    int count(String id) {
        return e.promotions().get(f.seller, id).redemptionCount();
    }

    @Test
    void aSubmitCountsOneRedemptionAndAFailedSubmitGivesItBack() {
        p.save(promo("ONCE", "true", "1").redemptionLimit(1));
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        e.promotions().apply(f.u1, Outgoing, "O1", "ONCE");
        e.checkout().calculate(f.u1, Outgoing, "O1", "tok");
        f.integration.set(c -> c.type() == CheckoutEventType.ORDER_SUBMIT
                ? new DeliveryOutcome.Rejected(400, "no".getBytes(), Duration.ZERO) : EngineFixture.ok("{}"));
        thrown(() -> e.submit().submit(f.u1, Outgoing, "O1", "tok"), "IntegrationEvent.BadRequest");
        assertThat(count("ONCE")).isZero();
        assertThat(Redemptions.byUser(e.context(), "ONCE", "u1")).isZero();
        f.integration.set(c -> EngineFixture.ok("{}"));
        assertThat(e.submit().submit(f.u1, Outgoing, "O1", "tok").status()).isEqualTo(OrderStatus.Open);
        assertThat(count("ONCE")).isEqualTo(1);
        assertThat(Redemptions.byUser(e.context(), "ONCE", "u1")).isEqualTo(1);
        p.cart(f.u2, "O2");
        p.add(f.u2, "O2", "P1", 1);
        thrown(() -> e.promotions().apply(f.u2, Outgoing, "O2", "ONCE"), "Promotion.ExceedsUsageLimit");
        Redemptions.release(e.context(), e.orders().state(f.seller, io.orderhooks.engine.internal.orders.Direction.Incoming, "O1"));
        assertThat(count("ONCE")).as("released by decline/cancel").isZero();
        e.promotions().apply(f.u2, Outgoing, "O2", "ONCE");
    }

    @Test
    void theLimitIsCheckedAgainOnSubmitWhenAnotherOrderRedeemedItFirst() {
        p.save(promo("ONCE", "true", "1").redemptionLimit(1));
        for (Caller c : List.of(f.u1, f.u2)) {
            String id = "O-" + c.userID();
            p.cart(c, id);
            p.add(c, id, "P1", 1);
            e.promotions().apply(c, Outgoing, id, "ONCE");
        }
        e.submit().submit(Caller.buyer("u1", "b1", "plain", "Shopper"), Outgoing, "O-u1", "tok");
        thrown(() -> e.submit().submit(Caller.buyer("u2", "b1", "plain", "Shopper"), Outgoing, "O-u2", "tok"), "Promotion.ExceedsUsageLimit");
        assertThat(count("ONCE")).isEqualTo(1);
        assertThat(p.order("O-u2").status()).isEqualTo(OrderStatus.Unsubmitted);
    }

    @Test
    void theLimitPerUserCountsEachUserSeparately() {
        p.save(promo("PERUSER", "true", "1").redemptionLimitPerUser(1));
        p.cart(f.u1, "O1");
        p.add(f.u1, "O1", "P1", 1);
        e.promotions().apply(f.u1, Outgoing, "O1", "PERUSER");
        e.submit().submit(f.u1Plain, Outgoing, "O1", "tok");
        p.cart(f.u1, "O2");
        p.add(f.u1, "O2", "P1", 1);
        thrown(() -> e.promotions().apply(f.u1, Outgoing, "O2", "PERUSER"), "Promotion.ExceedsUsageLimit");
        p.cart(f.u2, "O3");
        p.add(f.u2, "O3", "P1", 1);
        assertThat(e.promotions().apply(f.u2, Outgoing, "O3", "PERUSER").amount()).isEqualByComparingTo("1.00");
        assertThat(count("PERUSER")).isEqualTo(1);
    }

    @Test
    void concurrentSubmitsOfDifferentOrdersNeverExceedTheRedemptionLimit() throws Exception {
        p.save(promo("ONCE", "true", "1").redemptionLimit(3));
        int n = 8;
        for (int i = 0; i < n; i++) {
            p.cart(f.u1, "C" + i);
            p.add(f.u1, "C" + i, "P1", 1);
            e.promotions().apply(f.u1, Outgoing, "C" + i, "ONCE");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "C" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    e.submit().submit(f.u1Plain, Outgoing, id, "tok");
                    return true;
                } catch (io.orderhooks.core.error.OrderCloudException x) {
                    assertThat(x.errorCode()).isEqualTo("Promotion.ExceedsUsageLimit");
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> r : results) {
            ok += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(3);
        assertThat(count("ONCE")).isEqualTo(3);
    }
}
