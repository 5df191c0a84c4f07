package io.orderhooks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.orderhooks.core.signing.OcHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadServersAcceptanceTest {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @TempDir
    Path dir;

    private final OkHttpClient client = new OkHttpClient();

    private Response post(String url, byte[] body, String signature) throws Exception {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        if (signature != null) {
            request.header("X-oc-hash", signature);
        }
        return client.newCall(request.build()).execute();
    }

    @Test
    void theFixedRoleReadsTheBodyAndAnswersItsFixedJson() throws Exception {
        Javalin fixed = LoadServers.start("fixed", dir);
        try (Response response = post("http://127.0.0.1:" + fixed.port() + "/ordercalculate", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("{\"TaxTotal\":0,\"ShippingTotal\":0}");
        } finally {
            fixed.stop();
        }
    }

    @Test
    void theParseFloorVerifiesTheSignatureAndAnswersTheTaxSumRoundedPerLine() throws Exception {
        Javalin floor = LoadServers.start("floor", dir);
        String url = "http://127.0.0.1:" + floor.port() + "/ordercalculate";
        byte[] body = "{\"OrderWorksheet\":{\"LineItems\":[{\"LineTotal\":10.05},{\"LineTotal\":3}]}}"
                .getBytes(StandardCharsets.UTF_8);
        try {
            try (Response response = post(url, body, OcHash.sign(BenchMiddleware.HASH_KEY, body))) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).isEqualTo("{\"TaxTotal\":0.91,\"ShippingTotal\":0}");
            }
            try (Response response = post(url, body, OcHash.sign("another-key", body))) {
                assertThat(response.code()).isEqualTo(401);
            }
        } finally {
            floor.stop();
        }
    }

    @Test
    void theParseFloorRunsWithTheReceiversJettyLimitsSoItIsMeasuredOnEqualTerms() throws Exception {
        Javalin floor = LoadServers.start("floor", dir);
        String url = "http://127.0.0.1:" + floor.port() + "/ordercalculate";
        byte[] body = "{\"OrderWorksheet\":{\"LineItems\":[]}}".getBytes(StandardCharsets.UTF_8);
        String signature = OcHash.sign(BenchMiddleware.HASH_KEY, body);
        try {
            // 12 KiB of headers: over Jetty's default 8 KiB, within ServerLimits' 16 KiB
            Request within = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                    .header("X-oc-hash", signature).header("X-Padding", "p".repeat(12 * 1024)).build();
            try (Response response = client.newCall(within).execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            Request over = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                    .header("X-oc-hash", signature).header("X-Padding", "p".repeat(20 * 1024)).build();
            try (Response response = client.newCall(over).execute()) {
                assertThat(response.code()).isEqualTo(431);
                assertThat(response.body().string()).startsWith("{\"Errors\":[");
            }
        } finally {
            floor.stop();
        }
    }

    @Test
    void theMiddlewareAcceptsTheBodiesAndSignaturesItWritesAndRefusesATamperedOne() throws Exception {
        Javalin middleware = LoadServers.start("middleware", dir);
        String url = "http://127.0.0.1:" + middleware.port() + "/ordercalculate";
        try {
            for (int lines : new int[] {20, 200}) {
                byte[] body = Files.readAllBytes(dir.resolve("calc-" + lines + ".json"));
                String signature = Files.readString(dir.resolve("calc-" + lines + ".sig"));
                try (Response response = post(url, body, signature)) {
                    assertThat(response.code()).isEqualTo(200);
                    assertThat(response.body().string()).contains("\"TaxTotal\"");
                }
            }
            byte[] tampered = Files.readString(dir.resolve("calc-20.json")).replace("12.50", "1.25").getBytes(StandardCharsets.UTF_8);
            try (Response response = post(url, tampered, Files.readString(dir.resolve("calc-20.sig")))) {
                assertThat(response.code()).isEqualTo(401);
            }
        } finally {
            middleware.stop();
        }
    }

    @Test
    void aShopperChecksOutOverTheEnginesRestApiWhichCallsTheMerchantOverHttp() throws Exception {
        Javalin merchant = LoadServers.start("merchant", dir);
        Javalin engine = LoadServers.startEngine("http://127.0.0.1:" + merchant.port() + "/integration");
        try {
            RestShopper shopper = new RestShopper(RestShopper.client(1), "http://127.0.0.1:" + engine.port());
            shopper.login();
            AtomicInteger requests = new AtomicInteger();
            String orderID = shopper.checkout(3, nanos -> requests.incrementAndGet());
            assertThat(requests).hasValue(1 + 3 + 4);
            assertThat(dir.resolve("outbox")).isDirectoryContaining(p -> p.getFileName().toString().contains(orderID));
        } finally {
            engine.stop();
            merchant.stop();
        }
    }

    @Test
    void refusesAnUnknownRole() {
        assertThatThrownBy(() -> LoadServers.start("engine", dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown role engine: fixed, floor, floor-future, middleware or merchant (engine needs the merchant's URL)");
    }
}
