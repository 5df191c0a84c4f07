package io.orderhooks.engine.internal.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionBuyerProduct;
import io.orderhooks.core.model.ProductCollectionEntry;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProductCollectionServiceTest {

    final CollectionsFixture f = new CollectionsFixture();
    final ProductCollectionService svc = f.collections();

    static void fails(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.errorCode()).isEqualTo(code);
        });
    }

    static List<String> ids(List<ProductCollection> list) {
        return list.stream().map(ProductCollection::id).toList();
    }

    @Test
    void createsAPrivateCollectionByDefaultWithAGeneratedID() {
        ProductCollection c = svc.create(f.owner, new ProductCollection(null, "Groceries", null, null));
        assertThat(c.id()).hasSize(22);
        assertThat(c.accessLevel()).isEqualTo("Private");
        assertThat(svc.get(f.owner, c.id())).isEqualTo(c);
    }

    @Test
    void refusesAMissingNameAnUnknownAccessLevelABadIDAndATakenID() {
        fails(() -> svc.create(f.owner, new ProductCollection("a", " ", null, null)), 400, "ValidationFailure");
        fails(() -> svc.create(f.owner, new ProductCollection("a", "A", null, "Friends")), 400, "ValidationFailure");
        fails(() -> svc.create(f.owner, new ProductCollection("a/b", "A", null, null)), 400, "ValidationFailure");
        f.collection(f.owner, "a", null);
        fails(() -> svc.create(f.u2, new ProductCollection("a", "A", null, null)), 409, "IdExists");
        assertThat(ids(svc.list(f.u2))).isEmpty();
    }

    @Test
    void aPrivateCollectionIsVisibleOnlyToItsOwner() {
        f.collection(f.owner, "priv", "Private");
        assertThat(ids(svc.list(f.owner))).containsExactly("priv");
        for (Caller other : List.of(f.u2, f.anon, f.x1)) {
            assertThat(ids(svc.list(other))).isEmpty();
            fails(() -> svc.get(other, "priv"), 404, "NotFound");
            fails(() -> svc.listEntries(other, "priv"), 404, "NotFound");
        }
    }

    @Test
    void aPublicCollectionIsListedForEveryUserOfTheBuyerIncludingAnonymousButNotForOtherBuyers() {
        f.collection(f.owner, "pub", "Public");
        svc.addEntry(f.owner, "pub", new ProductCollectionEntry("P1", null));
        for (Caller sameOrg : List.of(f.owner, f.u2, f.anon)) {
            assertThat(ids(svc.list(sameOrg))).containsExactly("pub");
            assertThat(svc.get(sameOrg, "pub").name()).isEqualTo("List pub");
            assertThat(svc.listEntries(sameOrg, "pub")).extracting(e -> e.product().id()).containsExactly("P1");
        }
        assertThat(ids(svc.list(f.x1))).isEmpty();
        fails(() -> svc.get(f.x1, "pub"), 404, "NotFound");
    }

    @Test
    void aShareableCollectionIsReadableByIDInTheBuyerButNeverListedForOthers() {
        f.collection(f.owner, "wish", "Shareable");
        assertThat(ids(svc.list(f.owner))).containsExactly("wish");
        for (Caller sameOrg : List.of(f.u2, f.anon)) {
            assertThat(ids(svc.list(sameOrg))).isEmpty();
            assertThat(svc.get(sameOrg, "wish").accessLevel()).isEqualTo("Shareable");
            assertThat(svc.listEntries(sameOrg, "wish")).isEmpty();
        }
        fails(() -> svc.get(f.x1, "wish"), 404, "NotFound");
    }

    @Test
    void onlyTheOwnerChangesOrDeletesACollection() {
        f.collection(f.owner, "wish", "Shareable");
        fails(() -> svc.save(f.u2, "wish", new ProductCollection(null, "Mine", null, null)), 403, "Auth.UserNotAuthorizedToAdmin");
        fails(() -> svc.delete(f.u2, "wish"), 403, "Auth.UserNotAuthorizedToAdmin");
        fails(() -> svc.delete(f.x1, "wish"), 404, "NotFound");
        fails(() -> svc.addEntry(f.u2, "wish", new ProductCollectionEntry("P1", null)), 403, "Auth.UserNotAuthorizedToAdmin");
        ProductCollection renamed = svc.save(f.owner, "wish", new ProductCollection("ignored", "Birthday", null, "Private"));
        assertThat(renamed).isEqualTo(new ProductCollection("wish", "Birthday", null, "Private"));
        fails(() -> svc.get(f.u2, "wish"), 404, "NotFound");
    }

    @Test
    void putCreatesACollectionForTheCallerAndRefusesAnotherUsersPrivateID() {
        assertThat(svc.save(f.u2, "mine", new ProductCollection(null, "Mine", null, "Public")).id()).isEqualTo("mine");
        assertThat(ids(svc.list(f.owner))).containsExactly("mine");
        f.collection(f.owner, "secret", null);
        fails(() -> svc.save(f.u2, "secret", new ProductCollection(null, "X", null, null)), 409, "IdExists");
        assertThat(svc.get(f.owner, "secret").name()).isEqualTo("List secret");
    }

    @Test
    void anonymousShoppersCannotCreateOrChangeCollections() {
        f.collection(f.owner, "pub", "Public");
        fails(() -> svc.create(f.anon, new ProductCollection(null, "A", null, null)), 403, "ProductCollection.RequiresRegisteredUser");
        fails(() -> svc.addEntry(f.anon, "pub", new ProductCollectionEntry("P1", null)), 403, "ProductCollection.RequiresRegisteredUser");
        fails(() -> svc.delete(f.anon, "pub"), 403, "ProductCollection.RequiresRegisteredUser");
    }

    @Test
    void nonBuyerCallersHaveNoCollections() {
        fails(() -> svc.list(f.seller), 403, "Auth.UserNotAuthorizedToAdmin");
    }

    @Test
    void entriesKeepTheirListOrderAndAppendWhenNoneIsGiven() {
        f.collection(f.owner, "l", null);
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P3", null));
        f.clock.advance(Duration.ofMinutes(1));
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P1", null));
        assertThat(svc.listEntries(f.owner, "l")).extracting(e -> e.product().id() + ":" + e.listOrder())
                .containsExactly("P3:1", "P1:2");
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P1", 0));
        List<ProductCollectionBuyerProduct> entries = svc.listEntries(f.owner, "l");
        assertThat(entries).extracting(e -> e.product().id() + ":" + e.listOrder()).containsExactly("P1:0", "P3:1");
        assertThat(entries.get(0).dateAdded()).isEqualTo(f.clock.instant().atOffset(java.time.ZoneOffset.UTC));
        assertThat(entries.get(0).priceSchedule().id()).isEqualTo("ps1");
    }

    @Test
    void onlyProductsTheAdderCanSeeCanBeAdded() {
        f.collection(f.owner, "l", null);
        fails(() -> svc.addEntry(f.owner, "l", new ProductCollectionEntry("P2", null)), 404, "NotFound");
        fails(() -> svc.addEntry(f.owner, "l", new ProductCollectionEntry("P9", null)), 404, "NotFound");
        fails(() -> svc.addEntry(f.owner, "l", new ProductCollectionEntry(null, null)), 400, "ValidationFailure");
        assertThat(svc.listEntries(f.owner, "l")).isEmpty();
    }

    @Test
    void readersSeeOnlyTheEntriesTheyMaySee() {
        f.collection(f.u2, "pub", "Public");
        svc.addEntry(f.u2, "pub", new ProductCollectionEntry("P2", null));
        svc.addEntry(f.u2, "pub", new ProductCollectionEntry("P1", null));
        assertThat(svc.listEntries(f.u2, "pub")).extracting(e -> e.product().id()).containsExactly("P2", "P1");
        assertThat(svc.listEntries(f.u3, "pub")).extracting(e -> e.product().id()).containsExactly("P1");
    }

    @Test
    void removingAnEntryThatIsNotThereIsNotFound() {
        f.collection(f.owner, "l", null);
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P1", null));
        svc.removeEntry(f.owner, "l", "P1");
        assertThat(svc.listEntries(f.owner, "l")).isEmpty();
        fails(() -> svc.removeEntry(f.owner, "l", "P1"), 404, "NotFound");
    }

    @Test
    void deletingACollectionDeletesItsEntriesAndInvitations() {
        f.collection(f.owner, "l", null);
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P1", null));
        f.invitations().create(f.owner, "l", new io.orderhooks.core.model.ProductCollectionInvitation(null, "Ann", false, null, null, null));
        svc.delete(f.owner, "l");
        fails(() -> svc.get(f.owner, "l"), 404, "NotFound");
        f.collection(f.owner, "l", null);
        assertThat(svc.listEntries(f.owner, "l")).isEmpty();
        assertThat(f.invitations().list(f.owner, "l")).isEmpty();
    }

    @Test
    void anEntrySerializesAsTheProductWithListOrderDateAddedAndPriceSchedule() {
        f.collection(f.owner, "l", null);
        svc.addEntry(f.owner, "l", new ProductCollectionEntry("P1", 7));
        var json = io.orderhooks.core.json.OrderCloudJson.mapper().valueToTree(svc.listEntries(f.owner, "l").get(0));
        assertThat(json.path("ID").asText()).isEqualTo("P1");
        assertThat(json.path("Name").asText()).isEqualTo("Product P1");
        assertThat(json.path("ListOrder").asInt()).isEqualTo(7);
        assertThat(json.path("DateAdded").asText()).isEqualTo("2026-03-01T12:00:00+00:00");
        assertThat(json.at("/PriceSchedule/ID").asText()).isEqualTo("ps1");
        assertThat(json.has("product")).isFalse();
    }
}
