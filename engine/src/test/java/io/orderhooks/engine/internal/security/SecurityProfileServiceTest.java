package io.orderhooks.engine.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import io.orderhooks.core.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityProfileServiceTest {

    final Engine engine = Engine.builder().passwordHasher(new PasswordHasher(1)).build();
    final Caller seller = Caller.seller("admin", "seller", null, "FullAccess");
    final SecurityProfileService s = engine.securityProfiles();

    SecurityProfileServiceTest() {
        engine.orgs().saveBuyer(seller, new Buyer("b1", "B1", null, true, null, null));
        engine.orgs().saveUser(seller, "b1", User.builder().id("u1").username("u1").build());
        engine.orgs().saveUser(seller, "seller", User.builder().id("a1").username("a1").build());
        s.create(seller, new SecurityProfile("seller", "Seller", List.of("ProductAdmin"), List.of(), null, null));
        s.create(seller, new SecurityProfile("buyer", "Buyer", List.of("Shopper"), List.of("Custom"), null, null));
    }

    @Test
    void sellerLevelAssignmentsApplyToSellerUsersOnly() {
        s.assign(seller, new SecurityProfileAssignment("seller", null, null, null, null));
        assertThat(s.grantedRoles(UserType.SELLER, "seller", "a1")).containsExactly("ProductAdmin");
        assertThat(s.grantedRoles(UserType.BUYER, "b1", "u1")).isEmpty();
    }

    @Test
    void buyerLevelAssignmentsIncludeCustomRolesForThatBuyersUsers() {
        s.assign(seller, new SecurityProfileAssignment("buyer", "b1", null, null, null));
        assertThat(s.grantedRoles(UserType.BUYER, "b1", "u1")).containsExactly("Shopper", "Custom");
        assertThat(s.grantedRoles(UserType.BUYER, "b2", "u1")).isEmpty();
    }

    @Test
    void deletingAProfileRemovesItsAssignments() {
        s.assign(seller, new SecurityProfileAssignment("buyer", "b1", null, "u1", null));
        s.delete(seller, "buyer");
        assertThat(s.listAssignments(seller)).isEmpty();
        assertThat(s.grantedRoles(UserType.BUYER, "b1", "u1")).isEmpty();
    }

    @Test
    void refusesUnknownPartiesDuplicatesAndBuyerCallers() {
        assertThatThrownBy(() -> s.assign(seller, new SecurityProfileAssignment("buyer", "b1", null, "ghost", null)))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> s.create(seller, new SecurityProfile("buyer", "Again", List.of(), List.of(), null, null)))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("IdExists"));
        assertThatThrownBy(() -> s.list(Caller.buyer("u1", "b1", null, "FullAccess")))
                .isInstanceOfSatisfying(OrderCloudException.class, e -> assertThat(e.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin"));
    }
}
