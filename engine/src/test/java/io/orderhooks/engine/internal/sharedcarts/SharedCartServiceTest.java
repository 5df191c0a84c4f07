package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.orders.Direction.Outgoing;
import static io.orderhooks.engine.internal.sharedcarts.SharedCartFixture.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.orders.LinePatch;
import io.orderhooks.engine.internal.orders.OrderPatch;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedCartServiceTest {

    final SharedCartFixture f = new SharedCartFixture();

    @Test
    void sharingMarksTheCartSharedAndMakesItTheSharersCurrentCart() {
        f.cart(f.u1, "S1");
        f.clock.advance(Duration.ofMinutes(5));
        Order shared = f.carts().share(f.u1, "S1");
        assertThat(shared.sharedWithOrganization()).isTrue();
        assertThat(shared.fromUserID()).isEqualTo("u1");
        assertThat(shared.lastModifierID()).isEqualTo("u1");
        assertThat(shared.submittedBy()).isNull();
        assertThat(shared.lastUpdated()).isEqualTo(f.engine.context().now());
        assertThat(f.carts().selectedSharedCart(f.u1)).map(Order::id).contains("S1");
        assertThat(f.carts().selectedSharedCart(f.u2)).isEmpty();
    }

    @Test
    void anotherUserSwitchesToTheSharedCartAmendsItAndSubmitsIt() {
        f.cart(f.u1, "S1");
        f.add(f.u1, "S1", "P1", 1, null);
        f.carts().share(f.u1, "S1");
        assertThat(f.carts().switchTo(f.u2, "S1").id()).isEqualTo("S1");
        assertThat(f.carts().selectedSharedCart(f.u2)).map(Order::id).contains("S1");

        f.add(f.u2, "S1", "P1", 2, "red");
        assertThat(f.order(f.u1, "S1").lastModifierID()).isEqualTo("u2");
        f.engine.orders().patch(f.u3, Outgoing, "S1", new OrderPatch("from u3", null, null, null, null, null, null));
        assertThat(f.order(f.u1, "S1").lastModifierID()).isEqualTo("u3");
        String lineID = f.engine.lineItems().list(f.u1, Outgoing, "S1").get(0).id();
        f.engine.lineItems().patch(f.u1, Outgoing, "S1", lineID, new LinePatch(4, null, null, null, null, null, null));
        assertThat(f.order(f.u2, "S1").lastModifierID()).isEqualTo("u1");

        Order submitted = f.engine.submit().submit(f.u2, Outgoing, "S1", "tok");
        assertThat(submitted.status()).isEqualTo(OrderStatus.Open);
        assertThat(submitted.fromUserID()).isEqualTo("u1");
        assertThat(submitted.submittedBy()).isEqualTo("u2");
        assertThat(submitted.lastModifierID()).isEqualTo("u1");
        assertThat(submitted.subtotal()).isEqualByComparingTo("60.00");
        assertThat(f.carts().selectedSharedCart(f.u2)).isEmpty();
        assertThat(f.carts().selectedSharedCart(f.u1)).isEmpty();
    }

    @Test
    void approvalRulesHoldASharedCartSubmittedByAnotherUser() {
        f.engine.orgs().saveUserGroup(f.seller, "b1", new UserGroup("approvers", "Approvers", null, null));
        f.engine.orgs().assignUserToGroup(f.seller, "b1", new UserGroupAssignment("approvers", "u3"));
        f.engine.approvalRules().save(f.seller, "b1", new ApprovalRule("limit", "limit", null, "approvers", "order.Total > 100", null));
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u2, "S1", "P1", 11, null);
        Order held = f.engine.submit().submit(f.u2, Outgoing, "S1", "tok");
        assertThat(held.status()).isEqualTo(OrderStatus.AwaitingApproval);
        assertThat(held.total()).isEqualByComparingTo("110.00");
        assertThat(held.submittedBy()).isEqualTo("u2");

        f.cart(f.u2, "S2");
        f.carts().share(f.u2, "S2");
        f.add(f.u1, "S2", "P1", 10, null);
        Order open = f.engine.submit().submit(f.u1, Outgoing, "S2", "tok");
        assertThat(open.status()).isEqualTo(OrderStatus.Open);
        assertThat(open.submittedBy()).isEqualTo("u1");
    }

    @Test
    void personalCartsStayPrivateAndSharedCartsStayInsideTheOrganization() {
        f.cart(f.u1, "P");
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        assertThat(thrown(() -> f.order(f.u2, "P")).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.add(f.u2, "P", "P1", 1, null)).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.order(f.x1, "S1")).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.carts().switchTo(f.x1, "S1")).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.add(f.x1, "S1", "P1", 1, null)).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.carts().switchTo(f.u2, "P")).errorCode()).isEqualTo("NotFound");
        assertThat(thrown(() -> f.carts().switchTo(f.u1, "P")).errorCode()).isEqualTo("SharedCart.NotShared");
    }

    @Test
    void switchingBackMakesThePersonalCartCurrent() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.carts().switchToPersonal(f.u1);
        assertThat(f.carts().selectedSharedCart(f.u1)).isEmpty();
        f.carts().switchTo(f.u1, "S1");
        assertThat(f.carts().selectedSharedCart(f.u1)).map(Order::id).contains("S1");
    }

    @Test
    void sharingIsRefusedForSharedOthersSubmittedCartsAndNonBuyers() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        assertThat(thrown(() -> f.carts().share(f.u1, "S1")).errorCode()).isEqualTo("SharedCart.AlreadyShared");
        assertThat(thrown(() -> f.carts().share(f.u2, "S1")).errorCode()).isEqualTo("SharedCart.AlreadyShared");
        f.cart(f.u1, "P");
        var other = thrown(() -> f.carts().share(f.u2, "P"));
        assertThat(other.status()).isEqualTo(404);
        var admin = io.orderhooks.engine.internal.Caller.buyer("u2", "b1", "plain", "Shopper", "OrderAdmin");
        var notMine = thrown(() -> f.carts().share(admin, "P"));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin");
        f.add(f.u1, "P", "P1", 1, null);
        f.engine.submit().submit(f.u1, Outgoing, "P", "tok");
        assertThat(thrown(() -> f.carts().share(f.u1, "P")).errorCode()).isEqualTo("Order.CannotModifyBadStatus");
        assertThat(thrown(() -> f.carts().share(f.seller, "S1")).status()).isEqualTo(403);
        assertThat(f.order(f.u1, "P").sharedWithOrganization()).isNull();
    }

    @Test
    void personalOrdersOmitTheSharedFieldsInJsonWhileSharedOnesCarryAllThree() {
        f.cart(f.u1, "P");
        f.add(f.u1, "P", "P1", 1, null);
        JsonNode personal = OrderCloudJson.mapper().valueToTree(f.engine.submit().submit(f.u1, Outgoing, "P", "tok"));
        assertThat(personal.has("SharedWithOrganization")).isFalse();
        assertThat(personal.has("LastModifierID")).isFalse();
        assertThat(personal.has("SubmittedBy")).isFalse();
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.add(f.u2, "S1", "P1", 1, null);
        JsonNode shared = OrderCloudJson.mapper().valueToTree(f.engine.submit().submit(f.u3, Outgoing, "S1", "tok"));
        assertThat(shared.get("SharedWithOrganization").asBoolean()).isTrue();
        assertThat(shared.get("FromUserID").asText()).isEqualTo("u1");
        assertThat(shared.get("LastModifierID").asText()).isEqualTo("u2");
        assertThat(shared.get("SubmittedBy").asText()).isEqualTo("u3");
    }

    @Test
    void listingByOrderTypeSeparatesPersonalAndSharedOrders() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        f.cart(f.u2, "P2");
        f.cart(f.u1, "P1");
        assertThat(f.carts().list(f.u2, Outgoing, OrderType.ALL)).extracting(Order::id).containsExactly("S1", "P2");
        assertThat(f.carts().list(f.u2, Outgoing, OrderType.PERSONAL)).extracting(Order::id).containsExactly("P2");
        assertThat(f.carts().list(f.u2, Outgoing, OrderType.SHARED)).extracting(Order::id).containsExactly("S1");
        assertThat(f.carts().list(f.x1, Outgoing, OrderType.SHARED)).isEmpty();
        assertThat(f.carts().listSharedCarts(f.u3)).extracting(Order::id).containsExactly("S1");
        assertThat(OrderType.parse(null)).isEqualTo(OrderType.ALL);
        assertThat(OrderType.parse("Shared")).isEqualTo(OrderType.SHARED);
        var bad = thrown(() -> OrderType.parse("mine"));
        assertThat(bad.errorCode()).isEqualTo("ValidationFailure");
        assertThat(bad.getMessage()).isEqualTo("orderType must be all, personal or shared, was mine");
    }
}
