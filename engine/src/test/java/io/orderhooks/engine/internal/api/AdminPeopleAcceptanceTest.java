package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.orders.CommerceFixture;
import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Marketplace-owner users, user groups and addresses: {@code v1/adminusers}, {@code v1/usergroups}, {@code v1/addresses}. */
class AdminPeopleAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start(e -> e.checkoutIntegration(CommerceFixture.CHECKOUT), a -> a);
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    Response createUser(String id, String username) {
        return api.post("/v1/adminusers", admin, json(Map.of("ID", id, "Username", username, "Password", "pw-" + id + "-1",
                "FirstName", id, "LastName", "Staff", "Email", username, "Active", true)));
    }

    @Test
    void anAdminUserIsCreatedReadPatchedAndDeletedWithoutEverShowingItsPassword() {
        Response created = createUser("kim", "kim@market.example");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("Password").isNull()).isTrue();
        assertThat(createUser("kim", "other@market.example").errorCode()).isEqualTo("IdExists");
        assertThat(api.get("/v1/adminusers", admin).body().at("/Meta/TotalCount").asInt()).as("kim and the bootstrap admin").isEqualTo(2);
        assertThat(api.patch("/v1/adminusers/kim", admin, json(Map.of("xp", Map.of("Desk", 4)))).body().get("Username").asText())
                .isEqualTo("kim@market.example");
        assertThat(api.get("/v1/adminusers/kim", admin).body().at("/xp/Desk").asInt()).isEqualTo(4);
        assertThat(api.put("/v1/adminusers/kim", admin, json(Map.of("ID", "lee", "Username", "kim@market.example"))).errorCode())
                .isEqualTo("ValidationFailure");
        assertThat(api.delete("/v1/adminusers/kim", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/adminusers/kim", admin).status()).isEqualTo(404);
        assertThat(api.delete("/v1/adminusers/kim", admin).errorCode()).isEqualTo("NotFound");
    }

    @Test
    void usernamesAreUniqueAcrossAdminAndBuyerUsers() {
        CommerceFixture.seed(api);
        Response clash = createUser("ann2", CommerceFixture.USER);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.errorCode()).isEqualTo("User.UsernameMustBeUnique");
        assertThat(api.get("/v1/adminusers/ann2", admin).status()).isEqualTo(404);
    }

    @Test
    void anAdminUserSignsInThroughAClientAllowingTheSellerAndGetsItsProfilesRoles() {
        CommerceFixture.seed(api);
        ok(createUser("kim", "kim@market.example"));
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "readers", "Name", "Readers", "Roles", List.of("AdminUserReader")))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "readers", "UserID", "kim"))));
        ok(api.post("/v1/apiclients", admin, json(Map.of("ID", "staff-app", "AppName", "Staff", "Active", true,
                "AllowSeller", true, "AccessTokenDuration", 600))));
        String kim = api.login("staff-app", "kim@market.example", "pw-kim-1", "AdminUserReader");

        assertThat(ApiTestServer.claims(kim).get("usrtype").asText()).isEqualTo("admin");
        assertThat(api.get("/v1/adminusers/kim", kim).body().get("Username").asText()).isEqualTo("kim@market.example");
        Response write = api.post("/v1/adminusers", kim, json(Map.of("Username", "x@market.example")));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("Auth.InsufficientRoles");
        Response viaShop = api.token(Map.of("grant_type", "password", "client_id", CommerceFixture.CLIENT,
                "username", "kim@market.example", "password", "pw-kim-1", "scope", "AdminUserReader"));
        assertThat(viaShop.status()).isEqualTo(400);
        assertThat(viaShop.errorCode()).isEqualTo("Auth.IncorrectPassword");
    }

    @Test
    void aBuyerUserNeverSeesTheMarketplacesPeopleEvenWithTheAdminRoles() {
        CommerceFixture.seed(api);
        ok(api.post("/v1/securityprofiles", admin, json(Map.of("ID", "sneaky", "Name", "Sneaky",
                "Roles", List.of("AdminUserReader", "AdminUserGroupReader", "AdminAddressReader")))));
        ok(api.post("/v1/securityprofiles/assignments", admin, json(Map.of("SecurityProfileID", "sneaky", "BuyerID", "b1"))));
        String buyer = api.login(CommerceFixture.CLIENT, CommerceFixture.USER, CommerceFixture.PASSWORD,
                "AdminUserReader", "AdminUserGroupReader", "AdminAddressReader");
        for (String path : List.of("/v1/adminusers", "/v1/usergroups", "/v1/addresses", "/v1/adminusers/admin")) {
            Response r = api.get(path, buyer);
            assertThat(r.status()).as(path).isIn(403, 404);
            assertThat(r.body().toString()).as(path).doesNotContain("Marketplace");
        }
    }

    @Test
    void groupMembershipsNeedAnExistingGroupAndUserAndGoWithTheDeletedUser() {
        ok(createUser("kim", "kim@market.example"));
        ok(api.post("/v1/usergroups", admin, json(Map.of("ID", "approvers", "Name", "Approvers"))));
        assertThat(api.post("/v1/usergroups/assignments", admin, json(Map.of("UserGroupID", "approvers", "UserID", "ghost")))
                .errorCode()).isEqualTo("NotFound");
        assertThat(api.post("/v1/usergroups/assignments", admin, json(Map.of("UserGroupID", "ghosts", "UserID", "kim")))
                .errorCode()).isEqualTo("NotFound");
        assertThat(api.post("/v1/usergroups/assignments", admin, json(Map.of("UserGroupID", "approvers", "UserID", "kim")))
                .status()).isEqualTo(204);
        assertThat(api.get("/v1/usergroups/assignments?userID=kim", admin).body().at("/Items/0/UserGroupID").asText())
                .isEqualTo("approvers");
        ok(api.delete("/v1/adminusers/kim", admin));
        assertThat(api.get("/v1/usergroups/assignments", admin).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void aSellerOwnedProductShipsFromAnAdminAddress() {
        CommerceFixture.seed(api);
        ok(api.post("/v1/addresses", admin, json(Map.of("ID", "warehouse", "AddressName", "Warehouse", "Street1", "1 Dock Rd",
                "City", "Portland", "State", "OR", "Zip", "97201", "Country", "US"))));
        ok(api.patch("/v1/products/widget", admin, json(Map.of("ShipFromAddressID", "warehouse"))));
        String shopper = CommerceFixture.shopper(api);
        ok(api.post("/v1/orders/Outgoing", shopper, json(Map.of("ID", "o1"))));
        Response line = api.post("/v1/orders/Outgoing/o1/lineitems", shopper, json(Map.of("ProductID", "widget", "Quantity", 1)));

        assertThat(line.body().get("ShipFromAddressID").asText()).isEqualTo("warehouse");
        assertThat(line.body().at("/ShipFromAddress/Street1").asText()).isEqualTo("1 Dock Rd");
    }
}
