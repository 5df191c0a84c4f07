package io.orderhooks.engine.internal.collections;

import static io.orderhooks.engine.internal.collections.ProductCollectionServiceTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionEntry;
import io.orderhooks.core.model.ProductCollectionInvitation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductCollectionInvitationServiceTest {

    final CollectionsFixture f = new CollectionsFixture();
    final ProductCollectionInvitationService inv = f.invitations();
    final ProductCollectionService col = f.collections();
    final OffsetDateTime start = OffsetDateTime.parse("2026-03-01T12:00:00Z");

    @BeforeEach
    void groceryList() {
        f.collection(f.owner, "groceries", "Private");
        col.addEntry(f.owner, "groceries", new ProductCollectionEntry("P1", null));
        f.subscribe("mail", null, ProductCollectionInvitationService.ACCEPTED, ProductCollectionInvitationService.DECLINED);
    }

    ProductCollectionInvitation invite(boolean admin) {
        return inv.create(f.owner, "groceries", new ProductCollectionInvitation(null, "Partner", admin, null, null, null));
    }

    @Test
    void anInvitationGetsAGeneratedIDAThirtyDayExpiryAndIgnoresWrittenIDAndAccepted() {
        ProductCollectionInvitation i = inv.create(f.owner, "groceries",
                new ProductCollectionInvitation("mine", "Partner", null, true, null, null));
        assertThat(i.id()).isNotEqualTo("mine").hasSize(22);
        assertThat(i).isEqualTo(new ProductCollectionInvitation(i.id(), "Partner", false, false, start.plusDays(30), null));
        assertThat(inv.list(f.owner, "groceries")).containsExactly(i);
        assertThat(inv.get(f.owner, "groceries", i.id())).isEqualTo(i);
    }

    @Test
    void theExpirationMayBeAtMost365DaysAfterCreationAndNotInThePast() {
        assertThat(inv.create(f.owner, "groceries", new ProductCollectionInvitation(null, "A", null, null, start.plusDays(365), null))
                .expirationDate()).isEqualTo(start.plusDays(365));
        fails(() -> inv.create(f.owner, "groceries", new ProductCollectionInvitation(null, "A", null, null,
                start.plusDays(365).plusSeconds(1), null)), 400, "ProductCollectionInvitation.InvalidExpiration");
        fails(() -> inv.create(f.owner, "groceries", new ProductCollectionInvitation(null, "A", null, null,
                start.minusSeconds(1), null)), 400, "ProductCollectionInvitation.InvalidExpiration");
        fails(() -> inv.create(f.owner, "groceries", new ProductCollectionInvitation(null, null, null, null, null, null)),
                400, "ValidationFailure");
    }

    @Test
    void anUpdateMeasuresTheLimitFromCreationNotFromNow() {
        ProductCollectionInvitation i = invite(false);
        f.clock.advance(Duration.ofDays(10));
        fails(() -> inv.update(f.owner, "groceries", i.id(), new ProductCollectionInvitation(null, "P", false, null,
                start.plusDays(366), null)), 400, "ProductCollectionInvitation.InvalidExpiration");
        assertThat(inv.update(f.owner, "groceries", i.id(), new ProductCollectionInvitation("x", "P", true, true,
                start.plusDays(300), null))).isEqualTo(new ProductCollectionInvitation(i.id(), "P", true, false, start.plusDays(300), null));
    }

    @Test
    void onlyTheOwnerManagesInvitations() {
        ProductCollectionInvitation i = invite(false);
        fails(() -> inv.list(f.u2, "groceries"), 404, "NotFound");
        fails(() -> inv.create(f.u2, "groceries", new ProductCollectionInvitation(null, "Me", true, null, null, null)), 404, "NotFound");
        inv.accept(f.u2, "groceries", i.id());
        fails(() -> inv.list(f.u2, "groceries"), 403, "Auth.UserNotAuthorizedToAdmin");
        fails(() -> inv.delete(f.u2, "groceries", i.id()), 403, "Auth.UserNotAuthorizedToAdmin");
    }

    @Test
    void acceptingGrantsReadAccessAndListsTheCollectionButNotEntryChangesWithoutAdmin() {
        ProductCollectionInvitation i = invite(false);
        fails(() -> col.get(f.u2, "groceries"), 404, "NotFound");
        inv.accept(f.u2, "groceries", i.id());
        assertThat(inv.get(f.owner, "groceries", i.id()).accepted()).isTrue();
        assertThat(col.list(f.u2)).extracting(ProductCollection::id).containsExactly("groceries");
        assertThat(col.listEntries(f.u2, "groceries")).extracting(e -> e.product().id()).containsExactly("P1");
        fails(() -> col.addEntry(f.u2, "groceries", new ProductCollectionEntry("P3", null)), 403, "Auth.UserNotAuthorizedToAdmin");
        fails(() -> col.removeEntry(f.u2, "groceries", "P1"), 403, "Auth.UserNotAuthorizedToAdmin");
        fails(() -> col.delete(f.u2, "groceries"), 403, "Auth.UserNotAuthorizedToAdmin");
    }

    @Test
    void anAdminInviteeAddsAndRemovesEntriesAfterAccepting() {
        ProductCollectionInvitation i = invite(true);
        fails(() -> col.addEntry(f.u2, "groceries", new ProductCollectionEntry("P3", null)), 404, "NotFound");
        inv.accept(f.u2, "groceries", i.id());
        col.addEntry(f.u2, "groceries", new ProductCollectionEntry("P3", null));
        col.removeEntry(f.u2, "groceries", "P1");
        assertThat(col.listEntries(f.owner, "groceries")).extracting(e -> e.product().id()).containsExactly("P3");
        inv.update(f.owner, "groceries", i.id(), new ProductCollectionInvitation(null, "Partner", false, null, null, null));
        fails(() -> col.addEntry(f.u2, "groceries", new ProductCollectionEntry("P1", null)), 403, "Auth.UserNotAuthorizedToAdmin");
    }

    @Test
    void anExpiredInvitationCannotBeAcceptedOrDeclined() {
        ProductCollectionInvitation i = invite(false);
        f.clock.advance(Duration.ofDays(30));
        fails(() -> inv.accept(f.u2, "groceries", i.id()), 400, "ProductCollectionInvitation.InvitationExpired");
        fails(() -> inv.decline(f.u2, "groceries", i.id()), 400, "ProductCollectionInvitation.InvitationExpired");
        assertThat(inv.get(f.owner, "groceries", i.id()).accepted()).isFalse();
        fails(() -> col.get(f.u2, "groceries"), 404, "NotFound");
        assertThat(f.delivered).isEmpty();
    }

    @Test
    void acceptedAccessOutlivesTheInvitationsExpiry() {
        ProductCollectionInvitation i = invite(false);
        inv.accept(f.u2, "groceries", i.id());
        f.clock.advance(Duration.ofDays(400));
        assertThat(col.get(f.u2, "groceries").id()).isEqualTo("groceries");
    }

    @Test
    void anInvitationIsUsedOnceAndNeverByAnotherUser() {
        ProductCollectionInvitation i = invite(false);
        inv.accept(f.u2, "groceries", i.id());
        inv.accept(f.u2, "groceries", i.id());
        fails(() -> inv.accept(f.u3, "groceries", i.id()), 400, "ProductCollectionInvitation.AlreadyUsed");
        fails(() -> inv.decline(f.u3, "groceries", i.id()), 400, "ProductCollectionInvitation.AlreadyUsed");
        fails(() -> inv.decline(f.u2, "groceries", i.id()), 400, "ProductCollectionInvitation.AlreadyUsed");
        fails(() -> col.get(f.u3, "groceries"), 404, "NotFound");
        assertThat(f.delivered).hasSize(1);
    }

    @Test
    void aDeclinedInvitationCannotBeAcceptedByAnyone() {
        ProductCollectionInvitation i = invite(false);
        inv.decline(f.u2, "groceries", i.id());
        fails(() -> inv.accept(f.u2, "groceries", i.id()), 400, "ProductCollectionInvitation.AlreadyUsed");
        fails(() -> inv.accept(f.u3, "groceries", i.id()), 400, "ProductCollectionInvitation.AlreadyUsed");
        assertThat(inv.get(f.owner, "groceries", i.id()).accepted()).isFalse();
        fails(() -> col.get(f.u2, "groceries"), 404, "NotFound");
    }

    @Test
    void deletingAnAcceptedInvitationRevokesAccess() {
        ProductCollectionInvitation i = invite(true);
        inv.accept(f.u2, "groceries", i.id());
        inv.delete(f.owner, "groceries", i.id());
        fails(() -> col.get(f.u2, "groceries"), 404, "NotFound");
        assertThat(col.list(f.u2)).isEmpty();
        fails(() -> col.addEntry(f.u2, "groceries", new ProductCollectionEntry("P3", null)), 404, "NotFound");
    }

    @Test
    void deletingAPendingInvitationPreventsAcceptingAndDeclining() {
        ProductCollectionInvitation i = invite(false);
        inv.delete(f.owner, "groceries", i.id());
        fails(() -> inv.accept(f.u2, "groceries", i.id()), 404, "NotFound");
        fails(() -> inv.decline(f.u2, "groceries", i.id()), 404, "NotFound");
        fails(() -> inv.delete(f.owner, "groceries", i.id()), 404, "NotFound");
    }

    @Test
    void onlyRegisteredUsersOfTheSameBuyerOtherThanTheOwnerMayUseAnInvitation() {
        ProductCollectionInvitation i = invite(false);
        fails(() -> inv.accept(f.anon, "groceries", i.id()), 403, "ProductCollectionInvitation.RequiresRegisteredUser");
        fails(() -> inv.decline(f.anon, "groceries", i.id()), 403, "ProductCollectionInvitation.RequiresRegisteredUser");
        fails(() -> inv.accept(f.x1, "groceries", i.id()), 404, "NotFound");
        fails(() -> inv.accept(f.owner, "groceries", i.id()), 400, "ProductCollectionInvitation.CannotUseOwnInvitation");
        fails(() -> inv.accept(f.seller, "groceries", i.id()), 403, "Auth.UserNotAuthorizedToAdmin");
        assertThat(inv.get(f.owner, "groceries", i.id()).accepted()).isFalse();
    }

    @Test
    void acceptingSendsProductCollectionInvitationAcceptedToTheOwner() {
        ProductCollectionInvitation i = invite(true);
        inv.accept(f.u2, "groceries", i.id());
        assertThat(f.delivered).hasSize(1);
        assertThat(f.delivered.get(0).endpoint().id()).isEqualTo("mail");
        MessageNotification n = f.delivered.get(0).notification();
        assertThat(n.messageType()).isEqualTo("ProductCollectionInvitationAccepted");
        assertThat(n.recipient().id()).isEqualTo("own");
        assertThat(n.recipient().email()).isEqualTo("own@example.com");
        assertThat(n.recipient().password()).isNull();
        assertThat(n.buyerID()).isEqualTo("b1");
        assertThat(n.environment()).isEqualTo("Sandbox");
        assertThat(n.configData().path("From").asText()).isEqualTo("shop@example.com");
        assertThat(n.eventBody().at("/ProductCollection/ID").asText()).isEqualTo("groceries");
        assertThat(n.eventBody().at("/ProductCollectionInvitation/ID").asText()).isEqualTo(i.id());
        assertThat(n.eventBody().at("/ProductCollectionInvitation/Accepted").asBoolean()).isTrue();
        assertThat(n.eventBody().at("/User/ID").asText()).isEqualTo("u2");
        assertThat(n.eventBody().at("/User/Password").isNull()).isTrue();
    }

    @Test
    void decliningSendsProductCollectionInvitationDeclinedToTheOwner() {
        ProductCollectionInvitation i = invite(false);
        inv.decline(f.u2, "groceries", i.id());
        assertThat(f.delivered).extracting(d -> d.notification().messageType() + "->" + d.notification().recipient().id())
                .containsExactly("ProductCollectionInvitationDeclined->own");
        assertThat(f.delivered.get(0).notification().eventBody().at("/ProductCollectionInvitation/Accepted").asBoolean()).isFalse();
    }

    @Test
    void twoUsersRacingForOneInvitationCannotBothGetIt() throws Exception {
        ProductCollectionInvitation i = invite(false);
        List<io.orderhooks.engine.internal.Caller> racers = List.of(f.u2, f.u3);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = racers.stream().map(c -> pool.submit(() -> {
            start.await();
            try {
                inv.accept(c, "groceries", i.id());
                return true;
            } catch (io.orderhooks.core.error.OrderCloudException e) {
                return false;
            }
        })).toList();
        start.countDown();
        int winners = 0;
        for (var r : results) {
            winners += r.get(10, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(f.delivered).hasSize(1);
    }
}
