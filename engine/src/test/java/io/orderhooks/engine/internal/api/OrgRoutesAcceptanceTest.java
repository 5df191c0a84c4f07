package io.orderhooks.engine.internal.api;

import static io.orderhooks.engine.internal.api.testing.ApiTestServer.json;
import static io.orderhooks.engine.internal.api.testing.ApiTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import io.orderhooks.engine.internal.api.testing.ApiTestServer.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrgRoutesAcceptanceTest {

    final ApiTestServer api = ApiTestServer.start();
    final String admin = api.adminToken();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void buyerCrudAnswersOrderCloudStatusesAndPatchMergesXp() {
        Response created = api.post("/v1/buyers", admin, "{\"ID\":\"b1\",\"Name\":\"One\",\"xp\":{\"Region\":\"EU\",\"Tier\":{\"Level\":1}}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.post("/v1/buyers", admin, "{\"ID\":\"b1\",\"Name\":\"Dup\"}").errorCode()).isEqualTo("IdExists");

        Response patched = api.patch("/v1/buyers/b1", admin, "{\"xp\":{\"Tier\":{\"Gold\":true}}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("Name").asText()).isEqualTo("One");
        assertThat(patched.body().get("xp").toString()).isEqualTo("{\"Region\":\"EU\",\"Tier\":{\"Level\":1,\"Gold\":true}}");

        Response replaced = api.put("/v1/buyers/b1", admin, "{\"Name\":\"Uno\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().get("xp").isNull()).isTrue();
        assertThat(replaced.body().get("DateCreated").asText()).isEqualTo(created.body().get("DateCreated").asText());
        assertThat(api.put("/v1/buyers/b1", admin, "{\"ID\":\"other\",\"Name\":\"x\"}").errorCode()).isEqualTo("ValidationFailure");

        ok(api.post("/v1/buyers", admin, "{\"ID\":\"b2\",\"Name\":\"Two\"}"));
        Response filtered = api.get("/v1/buyers?Name=U*&sortBy=!ID", admin);
        assertThat(filtered.body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(filtered.body().at("/Items/0/ID").asText()).isEqualTo("b1");
        assertThat(api.get("/v1/buyers?Nope=1", admin).errorCode()).isEqualTo("List.InvalidProperty");

        assertThat(api.delete("/v1/buyers/b1", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/buyers/b1", admin).status()).isEqualTo(404);
    }

    @Test
    void aBuyerUserNeverSeesAnotherBuyer() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "BuyerReader", "BuyerUserReader", "AddressReader");
        api.seedBuyer("b2", "x1", "bob", "pw", "shop", "BuyerReader");
        String ann = api.login("shop", "ann", "pw", "BuyerReader", "BuyerUserReader", "AddressReader");
        assertThat(api.get("/v1/buyers", ann).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/buyers/b1", ann).status()).isEqualTo(200);
        assertThat(api.get("/v1/buyers/b2", ann).status()).isEqualTo(404);
        assertThat(api.get("/v1/buyers/b2/users", ann).status()).isEqualTo(404);
        assertThat(api.get("/v1/buyers/b2/addresses", ann).status()).isEqualTo(404);
    }

    @Test
    void userPasswordIsWriteOnlyAndAPatchedPasswordSignsIn() {
        api.seedBuyer("b1", "u1", "ann", "first-pw", "shop", "Shopper");
        Response patched = api.patch("/v1/buyers/b1/users/u1", admin, "{\"Password\":\"second-pw\",\"FirstName\":\"Annie\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("Password").isNull()).isTrue();
        assertThat(patched.body().get("Email").asText()).isEqualTo("ann@example.com");
        assertThat(api.token(Map.of("grant_type", "password", "client_id", "shop", "username", "ann", "password", "first-pw",
                "scope", "Shopper")).errorCode()).isEqualTo("Auth.IncorrectPassword");
        assertThat(api.login("shop", "ann", "second-pw", "Shopper")).isNotBlank();

        ok(api.patch("/v1/buyers/b1/users/u1", admin, "{\"Active\":false}"));
        assertThat(api.token(Map.of("grant_type", "password", "client_id", "shop", "username", "ann", "password", "second-pw",
                "scope", "Shopper")).errorCode()).isEqualTo("Auth.UserNotActive");
    }

    @Test
    void aUserMovedToAnotherBuyerSignsInThereWithTheSamePassword() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        api.seedBuyer("b2", "x1", "bob", "pw", "shop", "Shopper");
        Response moved = api.post("/v1/buyers/b1/users/u1/moveto/b2?orders=None", admin, null);
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.body().get("CompanyID").asText()).isEqualTo("b2");
        assertThat(api.get("/v1/buyers/b1/users/u1", admin).status()).isEqualTo(404);
        assertThat(ApiTestServer.claims(api.login("shop", "ann", "pw", "Shopper")).get("cmp").asText()).isEqualTo("b2");
    }

    @Test
    void revokingAUsersTokensRefusesTheTokensAlreadyIssued() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        String ann = api.login("shop", "ann", "pw", "Shopper");
        assertThat(api.delete("/v1/buyers/b1/users/u1/tokens", admin).status()).isEqualTo(204);
        Response refused = api.get("/v1/me", ann);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("InvalidToken");
        api.clock().advance(java.time.Duration.ofSeconds(1));
        assertThat(api.get("/v1/me", api.login("shop", "ann", "pw", "Shopper")).status()).isEqualTo(200);
    }

    @Test
    void groupsAddressesAndSpendingAccountsWithTheirAssignments() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        ok(api.post("/v1/buyers/b1/usergroups", admin, "{\"ID\":\"g1\",\"Name\":\"Leads\"}"));
        assertThat(api.post("/v1/buyers/b1/usergroups/assignments", admin, "{\"UserGroupID\":\"g1\",\"UserID\":\"u1\"}").status()).isEqualTo(204);
        assertThat(api.get("/v1/buyers/b1/usergroups/assignments?UserID=u1", admin).body().at("/Items/0/UserGroupID").asText()).isEqualTo("g1");
        ok(api.post("/v1/buyers/b1/addresses", admin, "{\"ID\":\"hq\",\"Street1\":\"1 Main\",\"City\":\"Oslo\"}"));
        assertThat(api.post("/v1/buyers/b1/addresses/assignments", admin, "{\"AddressID\":\"hq\"}").errorCode())
                .isEqualTo("AddressAssignment.MustBeBillingOrShipping");
        ok(api.post("/v1/buyers/b1/addresses/assignments", admin, "{\"AddressID\":\"hq\",\"UserGroupID\":\"g1\",\"IsShipping\":true}"));
        assertThat(api.get("/v1/buyers/b1/addresses/assignments?level=Group", admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
        ok(api.post("/v1/buyers/b1/spendingaccounts", admin, "{\"ID\":\"sa\",\"Name\":\"Budget\",\"Balance\":100.50}"));
        ok(api.post("/v1/buyers/b1/spendingaccounts/assignments", admin, "{\"SpendingAccountID\":\"sa\",\"UserID\":\"u1\"}"));
        String ann = api.login("shop", "ann", "pw", "Shopper");
        assertThat(api.get("/v1/me/spendingAccounts", ann).body().at("/Items/0/Balance").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(api.get("/v1/me/usergroups", ann).body().at("/Items/0/ID").asText()).isEqualTo("g1");
        assertThat(api.delete("/v1/buyers/b1/spendingaccounts/sa/assignments?userID=u1", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/me/spendingAccounts", ann).body().at("/Meta/TotalCount").asInt()).isZero();
        assertThat(api.delete("/v1/buyers/b1/usergroups/g1/assignments/u1", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/me/usergroups", ann).body().at("/Meta/TotalCount").asInt()).isZero();
    }

    @Test
    void suppliersTheirBuyersAndTheSellersABuyerSees() {
        api.seedBuyer("b1", "u1", "ann", "pw", "shop", "Shopper");
        ok(api.post("/v1/suppliers", admin, "{\"ID\":\"s1\",\"Name\":\"Acme\",\"Active\":true}"));
        ok(api.post("/v1/suppliers", admin, "{\"ID\":\"s2\",\"Name\":\"Closed\",\"Active\":true}"));
        assertThat(api.put("/v1/suppliers/s1/buyers/b1", admin, null).status()).isEqualTo(204);
        assertThat(api.get("/v1/suppliers/s1/buyers", admin).body().at("/Items/0/ID").asText()).isEqualTo("b1");
        String ann = api.login("shop", "ann", "pw", "Shopper");
        Response sellers = api.get("/v1/me/sellers", ann);
        assertThat(sellers.body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(sellers.body().at("/Items/0/ID").asText()).isEqualTo("s1");
        assertThat(sellers.body().at("/Items/1/Name").asText()).isEqualTo("Marketplace");
        assertThat(api.get("/v1/buyers/b1/sellers", admin).body().at("/Meta/TotalCount").asInt()).isEqualTo(2);
        assertThat(api.delete("/v1/suppliers/s1/buyers/b1", admin).status()).isEqualTo(204);
        assertThat(api.get("/v1/me/sellers", ann).body().at("/Meta/TotalCount").asInt()).isEqualTo(1);
    }
}
