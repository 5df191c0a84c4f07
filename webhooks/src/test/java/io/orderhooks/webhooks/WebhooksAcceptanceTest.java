package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.webhooks.testkit.WebhookPayloads;
import io.orderhooks.webhooks.testkit.WebhookSigning;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pre- and post-hooks end to end over real HTTP: signing, routing, replies, policies, de-duplication. */
class WebhooksAcceptanceTest {

    static final String KEY = "myhashkey";
    static final String VECTOR_BODY = "{\"Route\":\"v1/buyers/{buyerID}/addresses/{addressID}\",\"Verb\":\"PUT\","
            + "\"Request\":{\"Body\":{\"City\":\"Minneapolis\"}},\"ConfigData\":{\"Foo\":\"blah\"}}";
    static final String VECTOR_HASH = "4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByE=";
    static final String ACCEPT = "v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}";
    static final String SUBMIT = "v1/orders/{direction}/{orderID}/submit";
    static final String JSON = "application/json";

    record Address(String city) {}

    record Config(String foo) {}

    record Order(@com.fasterxml.jackson.annotation.JsonProperty("ID") String id, java.math.BigDecimal total) {}

    static final List<WebhookEvent> seen = new CopyOnWriteArrayList<>();
    static final AtomicInteger submits = new AtomicInteger();
    static final CountDownLatch never = new CountDownLatch(1);
    static WebhooksDispatcher pre;
    static WebhooksDispatcher post;
    static HttpHarness http;

    @BeforeAll
    static void start() {
        PreHookPolicy fast = PreHookPolicy.defaults().withTimeLimit(Duration.ofMillis(150));
        pre = WebhooksDispatcher.builder().hashKeys(KEY).maxBodyBytes(64 * 1024)
                .preHook("PUT", "v1/buyers/{buyerID}/addresses/{addressID}", e -> {
                    seen.add(e);
                    boolean ok = "blah".equals(e.configData(Config.class).foo())
                            && "Minneapolis".equals(e.body(Address.class).city());
                    return ok ? PreWebhookResponse.proceed() : PreWebhookResponse.block("City not allowed");
                })
                .preHook("POST", ACCEPT, e -> e.routeParam("invitationID").startsWith("bad")
                        ? PreWebhookResponse.block(OrderCloudJson.mapper().createObjectNode()
                                .put("Message", "Invitation " + e.routeParam("invitationID") + " is not valid"))
                        : PreWebhookResponse.proceed())
                .preHook("POST", "v1/products", e -> {
                    throw new IllegalStateException("validator crashed");
                })
                .preHook("PUT", "v1/products/{productID}", PreHookPolicy.defaults().withOnFailure(FailurePolicy.PROCEED),
                        e -> {
                            throw new IllegalStateException("validator crashed");
                        })
                .preHook("PATCH", "v1/products/{productID}", fast, e -> {
                    never.await();
                    return PreWebhookResponse.proceed();
                })
                .preHook("DELETE", "v1/products/{productID}", fast.withOnFailure(FailurePolicy.PROCEED), e -> {
                    never.await();
                    return PreWebhookResponse.proceed();
                })
                .build();
        post = WebhooksDispatcher.builder().hashKeys(KEY)
                .postHook("POST", SUBMIT, e -> {
                    submits.incrementAndGet();
                    seen.add(e);
                })
                .postHook("POST", "v1/orders/{direction}/{orderID}/complete", e -> {
                    throw new IllegalStateException("export failed");
                })
                .build();
        http = new HttpHarness(WebhooksPlugin.at("/webhooks/pre", pre), WebhooksPlugin.at("/webhooks/post", post));
    }

    @AfterAll
    static void stop() {
        never.countDown();
        http.close();
        pre.close();
        post.close();
    }

    static HttpResponse<String> send(String path, byte[] body) throws Exception {
        return http.post(path, body, "Content-Type", JSON, "X-oc-hash", WebhookSigning.sign(KEY, body));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return OrderCloudJson.mapper().readTree(response.body());
    }

    static JsonNode firstError(HttpResponse<String> response) throws Exception {
        return json(response).get("Errors").get(0);
    }

    @Test
    void acceptsTheReferenceVectorWithItsPublishedHashAndRoutesItToThePreHook() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.post("/webhooks/pre", body, "Content-Type", JSON, "X-oc-hash", VECTOR_HASH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"proceed\":true,\"body\":null}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
    }

    @Test
    void rejectsTheReferenceVectorWithAnyOtherHash() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        for (String hash : List.of("4NPw1O9AviSOC1A3C+HqkDutRLNwyABneY/3M2OqByF=", WebhookSigning.sign("otherkey", body),
                "", "not base64!")) {
            HttpResponse<String> response = http.post("/webhooks/pre", body, "Content-Type", JSON, "X-oc-hash", hash.isEmpty() ? " " : hash);
            assertThat(response.statusCode()).as(hash).isEqualTo(401);
            assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void rejectsAMissingSignatureAndATamperedBody() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> missing = http.post("/webhooks/pre", body, "Content-Type", JSON);
        byte[] tampered = VECTOR_BODY.replace("Minneapolis", "St. Paul").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> changed = http.post("/webhooks/pre", tampered, "Content-Type", JSON, "X-oc-hash", VECTOR_HASH);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(firstError(missing).get("Message").asText())
                .isEqualTo("X-oc-hash header does not match. Endpoint can only be hit from a valid OrderCloud webhook.");
        assertThat(changed.statusCode()).isEqualTo(401);
    }

    @Test
    void aPreHookProceedsWithTypedRouteParamsBodyAndConfig() throws Exception {
        byte[] body = WebhookPayloads.forRoute(ACCEPT, "POST").param("productCollectionID", "c1")
                .param("invitationID", "i1").requestBody("{\"Name\":\"Household list\"}").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("proceed").asBoolean()).isTrue();
    }

    @Test
    void aBlockingPreHookRelaysItsBody() throws Exception {
        byte[] body = WebhookPayloads.forRoute(ACCEPT, "POST").param("productCollectionID", "c1")
                .param("invitationID", "bad-1").requestBody("{}").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"proceed\":false,\"body\":{\"Message\":\"Invitation bad-1 is not valid\"}}");
    }

    @Test
    void aFailingPreHookBlocksByDefaultWithACorrelationId() throws Exception {
        byte[] body = WebhookPayloads.forRoute("v1/products", "POST").requestBody("{\"ID\":\"p1\"}").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json(response);
        String correlationId = response.headers().firstValue("X-Correlation-ID").orElseThrow();
        assertThat(reply.get("proceed").asBoolean()).isFalse();
        assertThat(reply.get("body").get("ErrorCode").asText()).isEqualTo("Webhook.HandlerFailed");
        assertThat(reply.get("body").get("Data").get("CorrelationID").asText()).isEqualTo(correlationId);
        assertThat(reply.toString()).doesNotContain("validator crashed").doesNotContain("Exception");
    }

    @Test
    void aFailingPreHookProceedsWhenConfiguredTo() throws Exception {
        byte[] body = WebhookPayloads.forRoute("v1/products/{productID}", "PUT").param("productID", "p1")
                .requestBody("{}").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"proceed\":true,\"body\":null}");
        assertThat(response.headers().firstValue("X-Correlation-ID")).isPresent();
    }

    @Test
    void aPreHookThatOverrunsItsLimitBlocksByDefault() throws Exception {
        byte[] body = WebhookPayloads.forRoute("v1/products/{productID}", "PATCH").param("productID", "p1")
                .requestBody("{}").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        JsonNode reply = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(reply.get("proceed").asBoolean()).isFalse();
        assertThat(reply.get("body").get("ErrorCode").asText()).isEqualTo("Webhook.HandlerTimedOut");
        assertThat(reply.get("body").get("Message").asText()).startsWith("The pre-webhook handler did not answer within 150 ms");
    }

    @Test
    void aPreHookThatOverrunsItsLimitProceedsWhenConfiguredTo() throws Exception {
        byte[] body = WebhookPayloads.forRoute("v1/products/{productID}", "DELETE").param("productID", "p1").toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"proceed\":true,\"body\":null}");
    }

    @Test
    void aPostHookGetsRequestResponseAndClaimsAndRunsOnceForADuplicateLogId() throws Exception {
        byte[] body = WebhookPayloads.forRoute(SUBMIT, "POST").param("direction", "Outgoing").param("orderID", "o-77")
                .logId("log-dup-1").requestBody("{}").responseBody("{\"ID\":\"o-77\",\"Total\":19.99}")
                .claims(new UserClaims("kim", "u1", "client-1", List.of("Shopper", "MeAdmin"), "buyer", null, null, null))
                .toBytes();
        int before = submits.get();

        HttpResponse<String> first = send("/webhooks/post", body);
        HttpResponse<String> second = send("/webhooks/post", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(submits.get() - before).isEqualTo(1);
        WebhookEvent event = seen.stream().filter(e -> "log-dup-1".equals(e.logId())).findFirst().orElseThrow();
        assertThat(event.routeParam("orderid")).isEqualTo("o-77");
        assertThat(event.response(Order.class)).isEqualTo(new Order("o-77", new java.math.BigDecimal("19.99")));
        assertThat(event.claims().clientId()).isEqualTo("client-1");
        assertThat(event.claims().roles()).containsExactly("Shopper", "MeAdmin");
        assertThat(event.claims().userType()).isEqualTo("buyer");
    }

    @Test
    void aFailingPostHookAnswers500WithOnlyACorrelationId() throws Exception {
        byte[] body = WebhookPayloads.forRoute("v1/orders/{direction}/{orderID}/complete", "POST")
                .param("direction", "Incoming").param("orderID", "o1").toBytes();

        HttpResponse<String> response = send("/webhooks/post", body);

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode error = firstError(response);
        assertThat(error.get("ErrorCode").asText()).isEqualTo("ServerError");
        assertThat(error.get("Data").get("CorrelationID").asText())
                .isEqualTo(response.headers().firstValue("X-Correlation-ID").orElseThrow());
        assertThat(response.body()).doesNotContain("export failed");
    }

    @Test
    void anUnmatchedRouteOrVerbIs404NamingBoth() throws Exception {
        byte[] unknown = WebhookPayloads.forRoute("v1/catalogs/{catalogID}", "POST").param("catalogID", "c").toBytes();
        byte[] wrongVerb = VECTOR_BODY.replace("\"PUT\"", "\"PATCH\"").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> route = send("/webhooks/pre", unknown);
        HttpResponse<String> verb = send("/webhooks/pre", wrongVerb);

        assertThat(route.statusCode()).isEqualTo(404);
        assertThat(firstError(route).get("ErrorCode").asText()).isEqualTo("NotFound");
        assertThat(firstError(route).get("Message").asText())
                .isEqualTo("No handler is registered for the webhook route POST v1/catalogs/{catalogID}");
        assertThat(verb.statusCode()).isEqualTo(404);
        assertThat(firstError(verb).get("Message").asText()).contains("PATCH v1/buyers/{buyerID}/addresses/{addressID}");
    }

    @Test
    void preAndPostHooksMountedAtDifferentPathsAreSeparate() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(send("/webhooks/post", body).statusCode()).isEqualTo(404);
        assertThat(send("/webhooks/pre/", body).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() throws Exception {
        byte[] body = "{\"Route\": \"v1/products\",\n \"Verb\": }".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = firstError(response);
        assertThat(error.get("ErrorCode").asText()).isEqualTo("Request.InvalidJson");
        assertThat(error.get("Data").get("Line").asInt()).isEqualTo(2);
        assertThat(error.get("Data").get("Column").asInt()).isEqualTo(10);
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingItsPath() throws Exception {
        byte[] body = "{\"Route\":\"v1/products\",\"Verb\":\"POST\",\"Date\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstError(response).get("Data").get("Path").asText()).isEqualTo("Date");
    }

    @Test
    void aPayloadWithoutRouteOrVerbIs400() throws Exception {
        HttpResponse<String> noRoute = send("/webhooks/pre", "{\"Verb\":\"POST\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noVerb = send("/webhooks/pre", "{\"Route\":\"v1/products\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(noRoute.statusCode()).isEqualTo(400);
        assertThat(firstError(noRoute).get("ErrorCode").asText()).isEqualTo("Webhook.InvalidPayload");
        assertThat(firstError(noRoute).get("Message").asText()).isEqualTo("The payload has no Route");
        assertThat(firstError(noVerb).get("Message").asText()).isEqualTo("The payload has no Verb");
    }

    @Test
    void aNonJsonContentTypeIs415() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.post("/webhooks/pre", body, "Content-Type", "text/plain", "X-oc-hash", VECTOR_HASH);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Request.InvalidContentType");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String padding = "x".repeat(70 * 1024);
        byte[] body = WebhookPayloads.forRoute("v1/products", "POST").requestBody("{\"Description\":\"" + padding + "\"}")
                .toBytes();

        HttpResponse<String> response = send("/webhooks/pre", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("Request.TooLarge");
        assertThat(firstError(response).get("Message").asText()).isEqualTo("Request body exceeds the limit of 65536 bytes");
    }

    @Test
    void aMethodOtherThanPostIs405WithAllow() throws Exception {
        HttpResponse<String> response = http.send("PUT", "/webhooks/pre");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(firstError(response).get("ErrorCode").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void healthListsEachRouteWithItsVerbAndKind() throws Exception {
        HttpResponse<String> response = http.send("GET", "/webhooks/post/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Status\":\"OK\",\"Routes\":[{\"Verb\":\"POST\",\"Route\":\""
                + SUBMIT + "\",\"Kind\":\"post\"},{\"Verb\":\"POST\",\"Route\":\"v1/orders/{direction}/{orderID}/complete\","
                + "\"Kind\":\"post\"}]}");
    }
}
