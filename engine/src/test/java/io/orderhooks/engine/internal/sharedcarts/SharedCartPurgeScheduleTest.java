package io.orderhooks.engine.internal.sharedcarts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.User;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedCartPurgeScheduleTest {

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final Engine engine = Engine.builder().clock(clock).passwordHasher(new PasswordHasher(1)).build();
    final Caller seller = Caller.seller("admin", "seller", "adminclient", "FullAccess");
    final Caller u1 = Caller.buyer("u1", "b1", "plain", "Shopper");

    @Test
    void purgesAnEmptySharedCartOnceTheEnginesClockSaysItIsDue() throws InterruptedException {
        engine.catalog().saveCatalog(seller, Catalog.builder().id("cat").name("Main").build());
        engine.orgs().saveBuyer(seller, new Buyer("b1", "Buyer One", "cat", true, null, null));
        engine.orgs().saveUser(seller, "b1", User.builder().id("u1").username("u1").password("pw-u1-123").active(true).build());
        engine.orders().create(u1, Order.builder().id("c1").build());
        engine.sharedCarts().share(u1, "c1");
        clock.advance(Duration.ofHours(4));

        try (SharedCartPurgeSchedule schedule = SharedCartPurgeSchedule.start(engine.sharedCartPurger(), Duration.ofMillis(20))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.context().store().order("c1").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(engine.context().store().order("c1")).isEmpty();
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> SharedCartPurgeSchedule.start(engine.sharedCartPurger(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("period must be positive, was PT0S");
    }
}
