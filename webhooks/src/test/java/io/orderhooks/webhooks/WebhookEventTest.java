package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    static final String ACCEPT = "v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}";

    record Invitation(String name, BigDecimal amount) {}

    record Accepted(@JsonProperty("ID") String id, boolean accepted) {}

    record GuardConfig(String allowedDomain, List<Integer> limits) {}

    record AcceptParams(String productCollectionID, String invitationID) {}

    static WebhookEvent sample() throws Exception {
        try (InputStream in = WebhookEventTest.class.getResourceAsStream("/samples/webhook-payload.json")) {
            return WebhookEvent.of(OrderCloudJson.mapper().readValue(in, WebhookPayload.class), RouteTemplate.parse(ACCEPT));
        }
    }

    @Test
    void readsRouteParamsByNameIgnoringCase() throws Exception {
        WebhookEvent event = sample();

        assertThat(event.routeParam("invitationID")).isEqualTo("inv-1");
        assertThat(event.routeParam("ProductCollectionId")).isEqualTo("groceries");
        assertThat(event.routeParams()).containsExactly(Map.entry("productCollectionID", "groceries"),
                Map.entry("invitationID", "inv-1"));
        assertThat(event.routeParams(AcceptParams.class)).isEqualTo(new AcceptParams("groceries", "inv-1"));
    }

    @Test
    void refusesARouteParamTheTemplateDoesNotHave() throws Exception {
        assertThatThrownBy(() -> sample().routeParam("orderID")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route " + ACCEPT + " has no placeholder {orderID}; it has [productCollectionID, invitationID]");
    }

    @Test
    void aRouteParamMissingFromThePayloadIs400() {
        WebhookEvent event = WebhookEvent.of(WebhookPayload.builder().route("v1/buyers/{buyerID}").verb("PUT").build(),
                RouteTemplate.parse("v1/buyers/{buyerID}"));

        assertThatThrownBy(() -> event.routeParam("buyerID")).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("Webhook.MissingRouteParam");
        });
    }

    @Test
    void takesRouteParamsFromAConcreteRouteWhenRouteParamsIsAbsent() {
        WebhookEvent event = WebhookEvent.of(WebhookPayload.builder().route("v1/buyers/b-7").verb("PUT").build(),
                RouteTemplate.parse("v1/buyers/{buyerID}"));

        assertThat(event.routeParam("buyerid")).isEqualTo("b-7");
    }

    @Test
    void bindsBodyResponseAndConfigToTypes() throws Exception {
        WebhookEvent event = sample();

        assertThat(event.body(Invitation.class)).isEqualTo(new Invitation("Household list", new BigDecimal("19.99")));
        assertThat(event.response(Accepted.class)).isEqualTo(new Accepted("inv-1", true));
        assertThat(event.configData(GuardConfig.class)).isEqualTo(new GuardConfig("example.com", List.of(1, 2, 3)));
        assertThat(event.body(new TypeReference<Map<String, Object>>() {})).containsEntry("Name", "Household list");
        assertThat(event.queryParam("search")).hasValue("eggs");
        assertThat(event.logId()).isEqualTo("71ce120a-7a3a-4a7e-9f2e-3b6f0c0c1a11");
        assertThat(event.toString()).isEqualTo("POST " + ACCEPT + " [LogID=71ce120a-7a3a-4a7e-9f2e-3b6f0c0c1a11]");
    }

    @Test
    void anAbsentPartReadsAsNull() {
        WebhookEvent event = WebhookPayloads.forRoute("v1/products", "POST").toEvent();

        assertThat(event.body(Invitation.class)).isNull();
        assertThat(event.response(Accepted.class)).isNull();
        assertThat(event.configData(GuardConfig.class)).isNull();
        assertThat(event.responseJson().isNull()).isTrue();
        assertThat(event.claims()).isEqualTo(UserClaims.empty());
    }

    @Test
    void aBodyThatDoesNotFitTheTypeIs400NamingThePath() {
        WebhookEvent event = WebhookPayloads.forRoute("v1/products", "POST")
                .requestBody("{\"Name\":\"x\",\"Amount\":\"lots\"}").toEvent();

        assertThatThrownBy(() -> event.body(Invitation.class)).isInstanceOfSatisfying(OrderCloudException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("Request.InvalidJson");
            assertThat(e.data().get("Path").asText()).isEqualTo("Amount");
        });
    }
}
