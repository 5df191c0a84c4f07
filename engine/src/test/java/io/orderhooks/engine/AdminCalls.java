package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The seeded admin user's password-grant token and authorized API calls over HTTP, for tests of a running engine. */
final class AdminCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A FullAccess token of the seeded {@code admin} user (password grant through {@code admin-client}). */
    String token(OrderEngine engine) throws IOException, InterruptedException {
        String form = "client_id=admin-client&client_secret=admin-secret&grant_type=password&username=admin"
                + "&password=admin-password&scope=FullAccess";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return OrderCloudJson.mapper().readTree(r.body()).path("access_token").asText();
    }

    /** {@code method path} with {@code token}; a null or empty body is sent as none, any other as JSON. */
    HttpResponse<String> send(OrderEngine engine, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        if (body == null || body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
