package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.Product;
import org.junit.jupiter.api.Test;

/** A line copies its product's {@code ShipFromAddressID} and carries that address, as OrderCloud's lines do. */
class LineShipFromTest {

    final MarketplaceFixture f = new MarketplaceFixture();
    final Engine e = f.engine;

    void shipsFrom(String productID, String addressID) {
        Product p = e.catalog().getProduct(f.seller, productID);
        e.catalog().saveProduct(f.seller, productID, p.toBuilder().shipFromAddressID(addressID).build());
    }

    @Test
    void aLineCarriesTheShipFromAddressOfItsProductsSupplier() {
        e.addresses().saveAddress(f.seller, "S1", Address.builder().id("s1-dock").city("Madison").state("WI").country("US").build());
        shipsFrom("PS1", "s1-dock");

        e.orders().create(f.u1, Order.builder().id("O1").build());
        LineItem line = e.lineItems().add(f.u1, Outgoing, "O1", LineItem.builder().productID("PS1").quantity(2).build());

        assertThat(line.shipFromAddressID()).isEqualTo("s1-dock");
        assertThat(line.shipFromAddress().state()).isEqualTo("WI");
        assertThat(line.supplierID()).isEqualTo("S1");
    }

    @Test
    void aProductWithoutShipFromOrWithAnUnknownAddressGivesNoShipFromAddress() {
        shipsFrom("PS2", "nowhere");

        e.orders().create(f.u1, Order.builder().id("O1").build());
        LineItem unknown = e.lineItems().add(f.u1, Outgoing, "O1", LineItem.builder().productID("PS2").quantity(1).build());
        LineItem none = e.lineItems().add(f.u1, Outgoing, "O1", LineItem.builder().productID("P1").quantity(1).build());

        assertThat(unknown.shipFromAddressID()).isEqualTo("nowhere");
        assertThat(unknown.shipFromAddress()).isNull();
        assertThat(none.shipFromAddressID()).isNull();
        assertThat(none.shipFromAddress()).isNull();
    }
}
