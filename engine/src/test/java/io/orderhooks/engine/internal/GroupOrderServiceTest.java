package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.grouporders.ContributorGrant;
import io.orderhooks.engine.internal.grouporders.Contributors;
import io.orderhooks.engine.internal.grouporders.GroupOrderService;
import io.orderhooks.engine.internal.grouporders.InvitationPatch;
import io.orderhooks.engine.internal.grouporders.InvitationPurger;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.GroupOrderInvitation;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Invitation management by the order creator, grants, expiry and purging (engine level, no HTTP). */
class GroupOrderServiceTest {

    private final EngineFixture f = new EngineFixture();
    private final GroupOrderService groups = f.engine.groupOrders();
    private final OffsetDateTime now = OffsetDateTime.parse("2026-03-01T12:00:00Z");

    GroupOrderServiceTest() {
        f.engine.orders().create(f.u1, Order.builder().id("LUNCH").build());
    }

    private static GroupOrderInvitation body(String orderID, OffsetDateTime expires) {
        return new GroupOrderInvitation(null, "Friday lunch", orderID, expires, null, null);
    }

    private GroupOrderInvitation invite() {
        return groups.create(f.u1, body("LUNCH", now.plusHours(2)));
    }

    private static JsonNode json(String s) {
        try {
            return OrderCloudJson.mapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    void createsAnInvitationWithAGeneratedIdAndTheOrdersStatus() {
        GroupOrderInvitation in = new GroupOrderInvitation("MINE", "Lunch", "LUNCH", now.plusDays(1), OrderStatus.Completed, json("{\"Place\":\"Deli\"}"));
        GroupOrderInvitation inv = groups.create(f.u1, in);
        assertThat(inv.id()).isNotEqualTo("MINE").hasSize(22);
        assertThat(inv.orderStatus()).isEqualTo(OrderStatus.Unsubmitted);
        assertThat(inv.orderID()).isEqualTo("LUNCH");
        assertThat(inv.name()).isEqualTo("Lunch");
        assertThat(inv.expirationDate()).isEqualTo(now.plusDays(1));
        assertThat(inv.xp().get("Place").asText()).isEqualTo("Deli");
        assertThat(groups.get(f.u1, inv.id())).isEqualTo(inv);
    }

    @Test
    void requiresOrderIdAndExpirationDate() {
        assertError(() -> groups.create(f.u1, body(null, now.plusHours(1))), 400, "ValidationFailure");
        assertError(() -> groups.create(f.u1, body("LUNCH", null)), 400, "ValidationFailure");
        assertThat(groups.list(f.u1)).isEmpty();
    }

    @Test
    void onlyTheOrdersCreatorMayInvite() {
        assertError(() -> groups.create(f.u2, body("LUNCH", now.plusHours(1))), 404, "NotFound");
        assertError(() -> groups.create(f.x1, body("LUNCH", now.plusHours(1))), 404, "NotFound");
        assertError(() -> groups.create(f.u1, body("NOPE", now.plusHours(1))), 404, "NotFound");
        assertError(() -> groups.create(f.seller, body("LUNCH", now.plusHours(1))), 403, "Auth.UserNotAuthorizedToAdmin");
        assertError(() -> groups.create(Caller.buyer("u1", "b1", "client", "OrderReader"), body("LUNCH", now.plusHours(1))),
                403, "Auth.InsufficientRoles");
        assertThat(groups.list(f.u1)).isEmpty();
    }

    @Test
    void expirationMustBeInTheFutureAndAtMostOneYearOut() {
        assertError(() -> groups.create(f.u1, body("LUNCH", now)), 400, "GroupOrderInvitation.InvalidExpiration");
        assertError(() -> groups.create(f.u1, body("LUNCH", now.minusMinutes(1))), 400, "GroupOrderInvitation.InvalidExpiration");
        assertError(() -> groups.create(f.u1, body("LUNCH", now.plusYears(1).plusSeconds(1))), 400, "GroupOrderInvitation.InvalidExpiration");
        assertThat(groups.list(f.u1)).isEmpty();
        assertThat(groups.create(f.u1, body("LUNCH", now.plusYears(1))).expirationDate()).isEqualTo(now.plusYears(1));
        assertThat(groups.create(f.u1, body("LUNCH", OffsetDateTime.parse("2026-03-01T14:00:01+02:00"))).expirationDate())
                .isEqualTo(OffsetDateTime.parse("2026-03-01T12:00:01Z"));
    }

    @Test
    void anOrderHasAtMostOneHundredInvitations() {
        for (int i = 0; i < GroupOrderService.MAX_PER_ORDER; i++) {
            invite();
        }
        assertError(this::invite, 400, "GroupOrderInvitation.InvitationQuantityExceeded");
        assertThat(groups.list(f.u1)).hasSize(100);
        f.engine.orders().create(f.u1, Order.builder().id("OTHER").build());
        assertThat(groups.create(f.u1, body("OTHER", now.plusHours(1))).orderID()).isEqualTo("OTHER");
    }

    @Test
    void concurrentCreatesNeverExceedTheLimit() throws Exception {
        for (int i = 0; i < 95; i++) {
            invite();
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return invite().id();
                } catch (OrderCloudException e) {
                    return e.errorCode();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o.equals("GroupOrderInvitation.InvitationQuantityExceeded")).hasSize(5);
        assertThat(groups.list(f.u1)).hasSize(100);
    }

    @Test
    void submittedOrdersTakeNoNewOrChangedInvitations() {
        GroupOrderInvitation inv = invite();
        f.engine.lineItems().add(f.u1, Outgoing, "LUNCH", LineItem.builder().productID("P1").quantity(1).build());
        f.engine.submit().submit(f.u1Plain, Outgoing, "LUNCH", "tok");
        assertError(this::invite, 400, "GroupOrder.CannotModifySubmittedOrder");
        assertError(() -> groups.patch(f.u1, inv.id(), new InvitationPatch("x", null, null, null)), 400, "GroupOrder.CannotModifySubmittedOrder");
        assertThat(groups.get(f.u1, inv.id())).isEqualTo(inv.withOrderStatus(OrderStatus.Open));
    }

    @Test
    void listsOnlyInvitationsOfOrdersTheCallerCreated() {
        GroupOrderInvitation mine = invite();
        f.engine.orders().create(f.u2, Order.builder().id("U2").build());
        GroupOrderInvitation theirs = groups.create(f.u2, body("U2", now.plusHours(1)));
        assertThat(groups.list(f.u1)).containsExactly(mine);
        assertThat(groups.list(f.u2)).containsExactly(theirs);
        assertError(() -> groups.get(f.u2, mine.id()), 404, "NotFound");
        assertError(() -> groups.patch(f.u2, mine.id(), new InvitationPatch("hijack", null, null, null)), 404, "NotFound");
        assertError(() -> groups.delete(f.u2, mine.id()), 404, "NotFound");
        assertThat(groups.get(f.u1, mine.id())).isEqualTo(mine);
    }

    @Test
    void patchChangesNameExpirationAndXp() {
        GroupOrderInvitation inv = groups.create(f.u1, new GroupOrderInvitation(null, "Lunch", "LUNCH", now.plusHours(1), null,
                json("{\"Place\":\"Deli\",\"Menu\":{\"Veg\":true,\"Soup\":\"tomato\"}}")));
        GroupOrderInvitation p = groups.patch(f.u1, inv.id(), new InvitationPatch("Late lunch", now.plusHours(3), "LUNCH",
                json("{\"Menu\":{\"Soup\":\"pea\"},\"Cap\":5}")));
        assertThat(p.name()).isEqualTo("Late lunch");
        assertThat(p.expirationDate()).isEqualTo(now.plusHours(3));
        assertThat(p.xp()).isEqualTo(json("{\"Menu\":{\"Soup\":\"pea\"},\"Cap\":5}"));
        assertThat(groups.patch(f.u1, inv.id(), new InvitationPatch(null, null, null, null)).xp()).isEqualTo(p.xp());
        assertThat(groups.get(f.u1, inv.id())).isEqualTo(p);
    }

    @Test
    void patchRefusesAnotherOrderOrABadExpirationAndChangesNothing() {
        GroupOrderInvitation inv = invite();
        f.engine.orders().create(f.u1, Order.builder().id("OTHER").build());
        assertError(() -> groups.patch(f.u1, inv.id(), new InvitationPatch("x", null, "OTHER", null)), 400, "ValidationFailure");
        assertError(() -> groups.patch(f.u1, inv.id(), new InvitationPatch("x", now.plusYears(2), null, null)), 400,
                "GroupOrderInvitation.InvalidExpiration");
        assertThat(groups.get(f.u1, inv.id())).isEqualTo(inv);
    }

    @Test
    void deleteRemovesTheInvitation() {
        GroupOrderInvitation inv = invite();
        groups.delete(f.u1, inv.id());
        assertError(() -> groups.get(f.u1, inv.id()), 404, "NotFound");
        assertError(() -> groups.delete(f.u1, inv.id()), 404, "NotFound");
        assertError(() -> groups.contributorGrant(inv.id()), 404, "NotFound");
    }

    @Test
    void aGrantCarriesTheCreatorsBuyerTheInvitationAndTheOrder() {
        GroupOrderInvitation inv = invite();
        ContributorGrant g = groups.contributorGrant(inv.id());
        assertThat(g.buyerID()).isEqualTo("b1");
        assertThat(g.invitationID()).isEqualTo(inv.id());
        assertThat(g.orderID()).isEqualTo("LUNCH");
        assertThat(g.userID()).isEqualTo("grouporder-" + inv.id()).isNotEqualTo("u1");
        assertThat(g.roles()).containsExactly("Shopper", Contributors.ROLE);
        assertThat(g.validUntil()).isEqualTo(now.plusHours(2));
        assertThat(g.creatorClientID()).isEqualTo("client");
        Caller c = g.caller("client");
        assertThat(c.isGroupOrderContributor()).isTrue();
        assertThat(c.isBuyer()).isTrue();
        assertThat(c.orderID()).isEqualTo("LUNCH");
    }

    @Test
    void noGrantFromAnExpiredOrUnknownInvitation() {
        GroupOrderInvitation inv = invite();
        f.clock.advance(Duration.ofHours(2));
        assertError(() -> groups.contributorGrant(inv.id()), 400, "GroupOrderInvitation.InvitationExpired");
        assertError(() -> groups.contributorGrant("nope"), 404, "NotFound");
    }

    @Test
    void contributorsCannotManageInvitations() {
        GroupOrderInvitation inv = invite();
        Caller c = groups.contributorGrant(inv.id()).caller("client");
        assertError(() -> groups.list(c), 403, "Auth.InsufficientRoles");
        assertError(() -> groups.get(c, inv.id()), 403, "Auth.InsufficientRoles");
        assertError(() -> groups.create(c, body("LUNCH", now.plusHours(1))), 403, "Auth.InsufficientRoles");
        assertError(() -> groups.delete(c, inv.id()), 403, "Auth.InsufficientRoles");
        assertThat(groups.list(f.u1)).containsExactly(inv);
    }

    @Test
    void purgeDeletesExpiredInvitationsOnly() {
        GroupOrderInvitation soon = invite();
        GroupOrderInvitation later = groups.create(f.u1, body("LUNCH", now.plusDays(1)));
        assertThat(groups.purgeExpired()).isEmpty();
        f.clock.advance(Duration.ofHours(2));
        assertThat(groups.purgeExpired()).containsExactly(soon.id());
        assertThat(groups.list(f.u1)).containsExactly(later);
        assertThat(groups.purgeExpired()).isEmpty();
    }

    @Test
    void purgeDeletesInvitationsOfDeletedOrders() {
        GroupOrderInvitation inv = invite();
        f.engine.orders().delete(f.u1, Outgoing, "LUNCH");
        assertThat(groups.purgeExpired()).containsExactly(inv.id());
        assertThat(groups.find(inv.id())).isEmpty();
    }

    @Test
    void thePurgerRunsOnItsScheduleAgainstTheEngineClock() throws Exception {
        GroupOrderInvitation inv = invite();
        List<String> purged = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (InvitationPurger purger = InvitationPurger.start(groups, Duration.ofMillis(5), ids -> {
            purged.addAll(ids);
            done.countDown();
        })) {
            f.clock.advance(Duration.ofHours(3));
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(purged).containsExactly(inv.id());
        assertThat(groups.find(inv.id())).isEmpty();
    }

    @Test
    void thePurgerRefusesANonPositivePeriod() {
        assertThatThrownBy(() -> InvitationPurger.start(groups, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }
}
