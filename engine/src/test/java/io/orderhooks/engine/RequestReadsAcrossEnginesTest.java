package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.internal.store.jdbc.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two reads every write request makes before its work — its token's user version and the stored webhooks — are
 * answered from what an instance read before while their tables' versions are unchanged (one statement per request
 * instead of two). Two engines on one database: a webhook created, changed or deleted on one instance is fired (or no
 * longer fired) by the other from its next request on, and a token revoked on one instance is refused by the other
 * at its next request, although the other had just served both reads from its cache.
 */
class RequestReadsAcrossEnginesTest {

    private final AdminCalls calls = new AdminCalls();

    @Test
    void onPostgresAWebhookAndARevocationOfOneInstanceHoldOnTheOtherAtItsNextRequest() throws Exception {
        String url = TestPostgres.freshDatabase();
        check(() -> Stores.postgresql(url, "postgres", "postgres"));
    }

    @Test
    void onH2AWebhookAndARevocationOfOneInstanceHoldOnTheOtherAtItsNextRequest(@TempDir Path dir) throws Exception {
        check(() -> Stores.h2(dir));
    }

    private void check(java.util.function.Supplier<Stores.Choice> store) throws Exception {
        List<String> firedByA = new CopyOnWriteArrayList<>();
        List<String> firedByB = new CopyOnWriteArrayList<>();
        try (OrderEngine a = engine(store.get(), firedByA);
             OrderEngine b = engine(store.get(), firedByB)) {
            String tokenA = calls.token(a);
            String tokenB = calls.token(b);
            // B serves writes (and so reads the token version and the webhook list) before anything changes
            assertThat(calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b1")).statusCode()).isEqualTo(201);
            assertThat(calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b2")).statusCode()).isEqualTo(201);
            assertThat(firedByB).isEmpty();

            assertThat(calls.send(a, tokenA, "POST", "v1/webhooks", preHook("/first/buyers")).statusCode()).isEqualTo(201);
            assertThat(calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b3")).statusCode()).isEqualTo(201);
            assertThat(firedByB).containsExactly("/first/buyers");

            assertThat(calls.send(a, tokenA, "PUT", "v1/webhooks/buyer-check", preHook("/second/buyers")).statusCode()).isEqualTo(200);
            assertThat(calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b4")).statusCode()).isEqualTo(201);
            assertThat(firedByB).containsExactly("/first/buyers", "/second/buyers");

            assertThat(calls.send(a, tokenA, "DELETE", "v1/webhooks/buyer-check", "").statusCode()).isEqualTo(204);
            assertThat(calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b5")).statusCode()).isEqualTo(201);
            assertThat(firedByB).containsExactly("/first/buyers", "/second/buyers");
            assertThat(firedByA).isEmpty();

            // the admin revokes its tokens on A: B refuses its token at the next request, a write and a read alike
            assertThat(calls.send(a, tokenA, "DELETE", "v1/me/tokens", "").statusCode()).isEqualTo(204);
            HttpResponse<String> refused = calls.send(b, tokenB, "POST", "v1/buyers", OutboxHooks.buyer("b6"));
            assertThat(refused.statusCode()).isEqualTo(401);
            JsonNode error = OrderCloudJson.mapper().readTree(refused.body()).path("Errors").get(0);
            assertThat(error.path("ErrorCode").asText()).isEqualTo("InvalidToken");
            assertThat(calls.send(b, tokenB, "GET", "v1/buyers/b1", null).statusCode()).isEqualTo(401);
            assertThat(calls.send(a, tokenA, "GET", "v1/buyers/b1", null).statusCode()).isEqualTo(401);

            String fresh = calls.token(b);
            assertThat(calls.send(b, fresh, "GET", "v1/buyers/b5", null).statusCode()).isEqualTo(200);
            assertThat(calls.send(b, fresh, "GET", "v1/buyers/b6", null).statusCode()).isEqualTo(404);
        }
    }

    private static OrderEngine engine(Stores.Choice store, List<String> fired) {
        RawHandler hooks = request -> {
            fired.add(request.path());
            return RawResponse.json(200, Map.of("proceed", true));
        };
        return OrderEngine.create(cfg -> cfg.store(store).admin(AdminBootstrap.LOCAL_DEFAULTS)
                .webhooks(WebhookSinks.inProcess(hooks, "/hooks"))).start("127.0.0.1", 0);
    }

    /** A pre-webhook on {@code POST v1/buyers} by the admin client, to {@code path} of the in-process receiver. */
    private static String preHook(String path) {
        return "{\"ID\":\"buyer-check\",\"Name\":\"Buyer check\",\"Url\":\"http://hooks.invalid/hooks" + path
                + "\",\"HashKey\":\"k\",\"BeforeProcessRequest\":true,\"ApiClientIDs\":[\"admin-client\"],"
                + "\"WebhookRoutes\":[{\"Route\":\"v1/buyers\",\"Verb\":\"POST\"}]}";
    }
}
