package io.orderhooks.examples.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.webhooks.WebhooksDispatcher;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookTestClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupOrderSpendingCapTest {

    private static final String KEY = "cap-key";
    private static final String ORDER_LINES = "v1/orders/{direction}/{orderID}/lineitems";
    private final InvitationDirectory directory = new InvitationDirectory();
    private final FakeLookups lookups = new FakeLookups();
    private WebhookTestClient client;

    @BeforeEach
    void setUp() {
        client = client(new GroupOrderSpendingCap(directory, lookups));
        directory.record(InvitationDirectory.Kind.GROUP_ORDER, "inv-1",
                JsonNodeFactory.instance.objectNode().put("Budget", 40));
        lookups.price("burrito", "12.50").price("salad", "9.75")
                .line("l1", "inv-1", "burrito", 2, "25.00")
                .line("l2", "inv-2", "burrito", 4, "50.00")
                .line("l3", null, "salad", 1, "9.75");
    }

    private static WebhookTestClient client(GroupOrderSpendingCap cap) {
        return WebhookTestClient.signed(cap.registerInto(WebhooksDispatcher.builder().hashKeys(KEY)).build(), KEY);
    }

    static String contributorToken(String invitationID, String orderID) {
        return new PlainJWT(new JWTClaimsSet.Builder().claim("usrtype", "buyer").claim("invid", invitationID)
                .claim("orderid", orderID).build()).serialize();
    }

    private PreWebhookResponse add(WebhookTestClient to, String token, Map<String, Object> body) {
        return to.pre(WebhookPayloads.forRoute(ORDER_LINES, "POST").param("direction", "Outgoing").param("orderID", "lunch")
                .userToken(token).requestBody(body).build());
    }

    @Test
    void letsAContributorAddWithinTheBudget() {
        PreWebhookResponse answer = add(client, contributorToken("inv-1", "lunch"), Map.of("ProductID", "salad", "Quantity", 1));

        assertThat(answer.shouldProceed()).isTrue();
        assertThat(lookups.linesAskedFor).containsExactly("Outgoing/lunch");
    }

    @Test
    void blocksALineThatTakesTheInvitationOverBudgetCountingOnlyItsOwnLines() {
        PreWebhookResponse answer = add(client, contributorToken("inv-1", "lunch"), Map.of("ProductID", "burrito", "Quantity", 2));

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().asText()).isEqualTo("Adding this would bring invitation inv-1 to $50.00, over its $40.00 budget");
    }

    @Test
    void allowsSpendingExactlyTheBudget() {
        directory.record(InvitationDirectory.Kind.GROUP_ORDER, "inv-1", JsonNodeFactory.instance.objectNode().put("Budget", "37.50"));

        assertThat(add(client, contributorToken("inv-1", "lunch"), Map.of("ProductID", "burrito", "Quantity", 1)).shouldProceed()).isTrue();
    }

    @Test
    void aPatchReplacesTheChangedLineAndKeepsItsProduct() {
        PreWebhookResponse answer = client.pre(WebhookPayloads.forRoute(ORDER_LINES + "/{lineItemID}", "PATCH")
                .param("direction", "Outgoing").param("orderID", "lunch").param("lineItemID", "l1")
                .userToken(contributorToken("inv-1", "lunch")).requestBody(Map.of("Quantity", 4)).build());

        assertThat(answer.body().asText()).isEqualTo("Adding this would bring invitation inv-1 to $50.00, over its $40.00 budget");
        PreWebhookResponse smaller = client.pre(WebhookPayloads.forRoute(ORDER_LINES + "/{lineItemID}", "PATCH")
                .param("direction", "Outgoing").param("orderID", "lunch").param("lineItemID", "l1")
                .userToken(contributorToken("inv-1", "lunch")).requestBody(Map.of("Quantity", 3)).build());
        assertThat(smaller.shouldProceed()).isTrue();
    }

    @Test
    void theCartRouteReadsTheContributorsCartLines() {
        PreWebhookResponse answer = client.pre(WebhookPayloads.forRoute("v1/cart/lineitems", "POST")
                .userToken(contributorToken("inv-1", "lunch")).requestBody(Map.of("ProductID", "burrito", "Quantity", 2)).build());

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(lookups.linesAskedFor).containsExactly("cart");
    }

    @Test
    void ignoresCallersThatAreNotContributorsAndInvitationsWithoutABudget() {
        assertThat(add(client, null, Map.of("ProductID", "burrito", "Quantity", 99)).shouldProceed()).isTrue();
        directory.record(InvitationDirectory.Kind.GROUP_ORDER, "inv-3", JsonNodeFactory.instance.objectNode());
        assertThat(add(client, contributorToken("inv-3", "lunch"), Map.of("ProductID", "burrito", "Quantity", 99)).shouldProceed()).isTrue();
        assertThat(lookups.linesAskedFor).isEmpty();
    }

    @Test
    void refusesAnUnknownInvitationUnlessToldOtherwise() {
        PreWebhookResponse answer = add(client, contributorToken("inv-9", "lunch"), Map.of("ProductID", "salad", "Quantity", 1));

        assertThat(answer.body().asText()).isEqualTo("Invitation inv-9 is not on record with the merchant, so its budget"
                + " cannot be checked; ask the order's creator for a new invitation");
        WebhookTestClient lenient = client(new GroupOrderSpendingCap(directory, lookups).allowingUnknownInvitations());
        assertThat(add(lenient, contributorToken("inv-9", "lunch"), Map.of("ProductID", "salad", "Quantity", 1)).shouldProceed()).isTrue();
    }

    @Test
    void aBudgetThatIsNotAnAmountBlocksNamingIt() {
        directory.record(InvitationDirectory.Kind.GROUP_ORDER, "inv-1", JsonNodeFactory.instance.objectNode().put("Budget", "lots"));

        PreWebhookResponse answer = add(client, contributorToken("inv-1", "lunch"), Map.of("ProductID", "salad", "Quantity", 1));

        assertThat(answer.shouldProceed()).isFalse();
        assertThat(answer.body().path("ErrorCode").asText()).isEqualTo("GroupOrder.InvalidBudget");
        assertThat(answer.body().path("Message").asText()).isEqualTo("Invitation inv-1 has xp.Budget 'lots', which is not a decimal amount");
    }
}
