package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static io.orderhooks.engine.internal.sharedcarts.SharedCartFixture.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.Order;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnshareTest {

    final SharedCartFixture f = new SharedCartFixture();

    /** ProductID/option -> quantity of the order's lines. */
    Map<String, Integer> lines(String orderID) {
        return f.engine.lineItems().list(f.u2, Outgoing, orderID).stream().collect(Collectors.toMap(
                l -> l.productID() + "/" + (l.specs() == null || l.specs().isEmpty() ? "-" : l.specs().get(0).optionID()),
                LineItem::quantity));
    }

    @Test
    void mergingAddsQuantitiesOfTheSameProductAndSpecsAndMovesTheOtherLines() {
        f.cart(f.u2, "MINE");
        f.add(f.u2, "MINE", "P1", 2, "red");
        f.add(f.u2, "MINE", "P1", 1, null);
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u1, "S1", "P1", 3, "red");
        f.add(f.u1, "S1", "P1", 1, "blue");
        f.add(f.u3, "S1", "P2", 2, null);
        f.carts().switchTo(f.u2, "S1");

        Order personal = f.carts().unshare(f.u2, "S1", UnshareMode.MergeIntoPersonal);

        assertThat(personal.id()).isEqualTo("MINE");
        assertThat(lines("MINE")).containsExactlyInAnyOrderEntriesOf(Map.of("P1/red", 5, "P1/-", 1, "P1/blue", 1, "P2/-", 2));
        assertThat(personal.lineItemCount()).isEqualTo(4);
        assertThat(personal.subtotal()).isEqualByComparingTo("80.00");
        assertThat(personal.sharedWithOrganization()).isNull();
        assertThat(personal.lastModifierID()).isNull();
        LineItem red = f.engine.lineItems().list(f.u2, Outgoing, "MINE").stream()
                .filter(l -> l.specs() != null && !l.specs().isEmpty() && "red".equals(l.specs().get(0).optionID())).findFirst().orElseThrow();
        assertThat(red.lineSubtotal()).isEqualByComparingTo("50.00");
        assertThat(f.engine.context().store().order("S1")).isEmpty();
        assertThat(f.carts().selectedSharedCart(f.u2)).isEmpty();
        assertThat(f.carts().selectedSharedCart(f.u1)).isEmpty();
    }

    @Test
    void mergingCreatesAPersonalCartWhenTheUserHasNone() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u1, "S1", "P1", 2, "blue");
        Order personal = f.carts().unshare(f.u3, "S1", UnshareMode.MergeIntoPersonal);
        assertThat(personal.id()).isNotEqualTo("S1");
        assertThat(personal.fromUserID()).isEqualTo("u3");
        assertThat(f.engine.lineItems().list(f.u3, Outgoing, personal.id())).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }

    @Test
    void removingDeletesTheSharedCartAndItsLines() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u2, "S1", "P1", 2, null);
        assertThat(f.carts().unshare(f.u2, "S1", UnshareMode.Remove)).isNull();
        assertThat(f.engine.context().store().order("S1")).isEmpty();
        assertThat(thrown(() -> f.order(f.u1, "S1")).errorCode()).isEqualTo("NotFound");
    }

    @Test
    void aRefusedMergeLeavesBothCartsAsTheyWere() {
        f.cart(f.u2, "MINE");
        f.add(f.u2, "MINE", "P2", 3, null);
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u1, "S1", "P2", 3, null);
        Order before = f.order(f.u1, "S1");

        var e = thrown(() -> f.carts().unshare(f.u2, "S1", UnshareMode.MergeIntoPersonal));

        assertThat(e.errorCode()).isEqualTo("Inventory.Insufficient");
        assertThat(f.order(f.u1, "S1")).isEqualTo(before);
        assertThat(lines("S1")).isEqualTo(Map.of("P2/-", 3));
        assertThat(lines("MINE")).isEqualTo(Map.of("P2/-", 3));
    }

    @Test
    void unsharingIsRefusedForPersonalSubmittedAndForeignOrders() {
        f.cart(f.u1, "P");
        assertThat(thrown(() -> f.carts().unshare(f.u1, "P", UnshareMode.Remove)).errorCode()).isEqualTo("SharedCart.NotShared");
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        assertThat(thrown(() -> f.carts().unshare(f.x1, "S1", UnshareMode.Remove)).errorCode()).isEqualTo("NotFound");
        f.add(f.u1, "S1", "P1", 1, null);
        f.engine.submit().submit(f.u1, Outgoing, "S1", "tok");
        assertThat(thrown(() -> f.carts().unshare(f.u2, "S1", UnshareMode.Remove)).errorCode()).isEqualTo("Order.CannotModifyBadStatus");
        assertThat(f.engine.context().store().order("S1")).isPresent();
    }

    @Test
    void unshareModesParseTheirWireNamesOnly() {
        assertThat(UnshareMode.parse("MergeIntoPersonal")).isEqualTo(UnshareMode.MergeIntoPersonal);
        assertThat(UnshareMode.parse("Remove")).isEqualTo(UnshareMode.Remove);
        assertThat(thrown(() -> UnshareMode.parse("remove")).getMessage()).isEqualTo("Mode must be MergeIntoPersonal or Remove, was remove");
        assertThat(thrown(() -> UnshareMode.parse(null)).errorCode()).isEqualTo("ValidationFailure");
        assertThat(List.of(UnshareMode.values())).hasSize(2);
    }
}
