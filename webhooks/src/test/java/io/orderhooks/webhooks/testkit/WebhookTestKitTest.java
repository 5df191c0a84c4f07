package io.orderhooks.webhooks.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookPayload;
import io.orderhooks.core.signing.OcHash;
import io.orderhooks.webhooks.UserClaims;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookTestKitTest {

    static final String ACCEPT = "v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}";

    @Test
    void buildsARealisticPayloadForARoute() {
        WebhookPayload payload = WebhookPayloads.forRoute(ACCEPT, "post")
                .param("productCollectionID", "c1").param("InvitationID", "i1")
                .requestBody("{\"Name\":\"Household list\"}").configData(java.util.Map.of("AllowedDomain", "example.com"))
                .logId("log-1").date(OffsetDateTime.parse("2021-04-04T19:41:39.6504645+00:00"))
                .build();

        String json = new String(WebhookPayloads.toBytes(payload), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"Route\":\"" + ACCEPT + "\",\"RouteParams\":{\"productCollectionID\":\"c1\","
                + "\"invitationID\":\"i1\"},\"QueryParams\":{},\"Verb\":\"POST\",\"Date\":\"2021-04-04T19:41:39.6504645+00:00\","
                + "\"LogID\":\"log-1\",\"UserToken\":null,\"Request\":{\"Body\":{\"Name\":\"Household list\"},\"Headers\":null},"
                + "\"Response\":null,\"ConfigData\":{\"AllowedDomain\":\"example.com\"}}");
    }

    @Test
    void refusesAnUnknownOrMissingRouteParam() {
        assertThatThrownBy(() -> WebhookPayloads.forRoute(ACCEPT, "POST").param("orderID", "o1"))
                .hasMessageContaining("has no placeholder {orderID}");
        assertThatThrownBy(() -> WebhookPayloads.forRoute(ACCEPT, "POST").param("productCollectionID", "c1").build())
                .hasMessage("route parameter invitationID of " + ACCEPT + " is not set");
    }

    @Test
    void carriesClaimsInAnUnsignedUserToken() {
        UserClaims claims = new UserClaims("kim", null, "client-1", List.of("Shopper"), "buyer", null, null, null);

        WebhookEvent event = WebhookPayloads.forRoute("v1/products", "POST").claims(claims).toEvent();

        assertThat(event.claims()).isEqualTo(claims);
    }

    @Test
    void signsRequestsTheDispatcherAccepts() {
        byte[] body = WebhookPayloads.forRoute("v1/products", "POST").toBytes();

        assertThat(WebhookSigning.signedRequest("k", body).header("X-oc-hash")).isEqualTo(OcHash.sign("k", body));
        assertThat(WebhookSigning.headers("k", body).first("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void runsPreHooksInMemoryAndReturnsTypedAnswers() {
        try (WebhooksDispatcher d = WebhooksDispatcher.builder().hashKeys("k")
                .preHook("POST", ACCEPT, e -> e.routeParam("invitationID").equals("i1")
                        ? PreWebhookResponse.proceed() : PreWebhookResponse.block("Unknown invitation"))
                .build()) {
            WebhookTestClient client = WebhookTestClient.signed(d, "k");
            var route = WebhookPayloads.forRoute(ACCEPT, "POST").param("productCollectionID", "c1");

            assertThat(client.pre(route.param("invitationID", "i1").build())).isEqualTo(PreWebhookResponse.proceed());
            PreWebhookResponse blocked = client.pre(route.param("invitationID", "i2").build());
            assertThat(blocked.shouldProceed()).isFalse();
            assertThat(blocked.body().asText()).isEqualTo("Unknown invitation");
        }
    }

    @Test
    void reportsErrorsWithStatusAndCode() {
        AtomicInteger runs = new AtomicInteger();
        try (WebhooksDispatcher d = WebhooksDispatcher.builder().hashKeys("k")
                .postHook("POST", "v1/products", e -> runs.incrementAndGet()).build()) {
            WebhookPayload other = WebhookPayloads.forRoute("v1/catalogs", "POST").build();

            assertThatThrownBy(() -> WebhookTestClient.signed(d, "k").post(other))
                    .isInstanceOfSatisfying(WebhookCallException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.errorCode()).isEqualTo("NotFound");
                    });
            assertThatThrownBy(() -> WebhookTestClient.signed(d, "wrong").post(WebhookPayloads.forRoute("v1/products", "POST").build()))
                    .isInstanceOfSatisfying(WebhookCallException.class, e -> assertThat(e.status()).isEqualTo(401));
            WebhookTestClient.unsigned(d).send(new byte[0]);
            assertThat(runs.get()).isZero();
        }
    }
}
