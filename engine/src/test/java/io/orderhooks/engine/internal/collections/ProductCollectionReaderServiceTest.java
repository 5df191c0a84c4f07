package io.orderhooks.engine.internal.collections;

import static io.orderhooks.engine.internal.collections.ProductCollectionServiceTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.core.model.ProductCollection;
import io.orderhooks.core.model.ProductCollectionEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductCollectionReaderServiceTest {

    static final String ROLE = ProductCollectionReaderService.ROLE;

    final CollectionsFixture f = new CollectionsFixture();
    final ProductCollectionReaderService reader = f.engine.productCollectionReader();
    final Caller marketplace = Caller.seller("analyst", "seller", "admin", ROLE);
    final Caller supplier1 = Caller.supplier("s1u", "s1", "supplierapp", ROLE);
    final Caller supplier2 = Caller.supplier("s2u", "s2", "supplierapp", ROLE);
    final Caller supplier3 = Caller.supplier("s3u", "s3", "supplierapp", ROLE);
    final Caller buyerReader = Caller.buyer("u3", "b1", "shop", "Shopper", ROLE);

    @BeforeEach
    void collections() {
        f.collection(f.u2, "priv", "Private");
        f.collection(f.owner, "wish", "Shareable");
        f.collection(f.x1, "other", "Public");
        for (String p : new String[] {"P2", "P1", "P3"}) {
            f.collections().addEntry(f.u2, "priv", new ProductCollectionEntry(p, null));
        }
    }

    static java.util.List<String> ids(java.util.List<ProductCollection> list) {
        return list.stream().map(ProductCollection::id).toList();
    }

    @Test
    void theMarketplaceOwnerSeesEveryCollectionOfAnyBuyerWithEveryEntry() {
        assertThat(ids(reader.list(marketplace, "b1"))).containsExactly("priv", "wish");
        assertThat(ids(reader.list(marketplace, "b2"))).containsExactly("other");
        assertThat(reader.get(marketplace, "b1", "priv").accessLevel()).isEqualTo("Private");
        assertThat(reader.listEntries(marketplace, "b1", "priv")).extracting(e -> e.product().id() + ":" + e.listOrder())
                .containsExactly("P2:1", "P1:2", "P3:3");
    }

    @Test
    void aSupplierSeesCollectionsOfBuyersItSellsToWithOnlyItsOwnProducts() {
        assertThat(ids(reader.list(supplier1, "b1"))).containsExactly("priv", "wish");
        assertThat(reader.listEntries(supplier1, "b1", "priv")).extracting(e -> e.product().id()).containsExactly("P3");
        fails(() -> reader.list(supplier1, "b2"), 404, "NotFound");
    }

    @Test
    void aSupplierThatDoesNotSellToABuyerSeesNothingOfIt() {
        fails(() -> reader.list(supplier2, "b1"), 404, "NotFound");
        fails(() -> reader.get(supplier2, "b1", "priv"), 404, "NotFound");
        assertThat(ids(reader.list(supplier2, "b2"))).containsExactly("other");
    }

    @Test
    void aSupplierWhoseBuyersCanAllOrderReachesEveryBuyerButSeesNoEntriesOfOthers() {
        assertThat(ids(reader.list(supplier3, "b1"))).containsExactly("priv", "wish");
        assertThat(reader.listEntries(supplier3, "b1", "priv")).isEmpty();
    }

    @Test
    void aBuyerReaderSeesItsOwnBuyersCollectionsWithOnlyProductsVisibleToIt() {
        assertThat(ids(reader.list(buyerReader, "b1"))).containsExactly("priv", "wish");
        assertThat(reader.listEntries(buyerReader, "b1", "priv")).extracting(e -> e.product().id()).containsExactly("P1", "P3");
        fails(() -> reader.list(buyerReader, "b2"), 404, "NotFound");
        fails(() -> reader.get(buyerReader, "b2", "other"), 404, "NotFound");
    }

    @Test
    void theRoleIsRequiredAndUnknownBuyersOrCollectionsAreNotFound() {
        fails(() -> reader.list(f.u3, "b1"), 403, "Auth.InsufficientRoles");
        fails(() -> reader.list(marketplace, "nobody"), 404, "NotFound");
        fails(() -> reader.get(marketplace, "b1", "other"), 404, "NotFound");
        assertThat(ids(reader.list(f.seller, "b1"))).containsExactly("priv", "wish");
    }
}
