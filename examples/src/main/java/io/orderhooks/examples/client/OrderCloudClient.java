package io.orderhooks.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A small JSON client for an OrderCloud-compatible API (real OrderCloud or the orderhooks engine), over
 * {@code java.net.http}: {@code /oauth/token} and {@code v1} calls with a bearer token.
 *
 * <p>Every call blocks for at most the request time limit (default 10 s). A non-2xx answer throws an
 * {@link OrderCloudException} carrying the API's status and its first error's code and message (so a caller
 * can pass it on unchanged); a transport failure throws one with status 502 and code
 * {@code Api.Unreachable}. Immutable and thread-safe.
 */
public final class OrderCloudClient {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeLimit;

    /** @param baseUrl e.g. {@code https://sandboxapi.ordercloud.io} or {@code http://localhost:8080} */
    public OrderCloudClient(String baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(TIME_LIMIT).build());
    }

    public OrderCloudClient(String baseUrl, HttpClient http) {
        this(baseUrl, http, TIME_LIMIT);
    }

    /** @param timeLimit how long each request may take before it fails (default 10 s) */
    public OrderCloudClient(String baseUrl, HttpClient http, Duration timeLimit) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was " + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = Objects.requireNonNull(http, "http");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** {@code client_credentials}: the access token of an API client with a secret. */
    public String clientCredentials(String clientID, String clientSecret, String... roles) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientID, "client_secret", clientSecret,
                "scope", String.join(" ", roles)));
    }

    /** {@code password}: the access token of a user logging in through {@code clientID}. */
    public String password(String clientID, String username, String password, String... roles) {
        return token(Map.of("grant_type", "password", "client_id", clientID, "username", username,
                "password", password, "scope", String.join(" ", roles)));
    }

    public JsonNode get(String path, String token) {
        return send("GET", path, token, null);
    }

    public JsonNode post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public JsonNode put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public JsonNode patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public JsonNode delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Every item of a list route, following {@code Meta.TotalPages} at 100 per page. */
    public ArrayNode listAll(String path, String token) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1, pages = 1; page <= pages; page++) {
            JsonNode answer = get(path + separator + "page=" + page + "&pageSize=100", token);
            answer.path("Items").forEach(items::add);
            pages = answer.path("Meta").path("TotalPages").asInt(1);
        }
        return items;
    }

    /** {@code s} encoded for a URL path segment or query value. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String token(Map<String, String> form) {
        return tokenResponse(form).path("access_token").asText();
    }

    /** {@code POST /oauth/token} with {@code form}: the whole answer ({@code access_token}, {@code refresh_token}, ...). */
    public JsonNode tokenResponse(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token")).timeout(timeLimit)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return exchange(request, "POST /oauth/token");
    }

    private JsonNode send(String method, String path, String token, Object body) {
        String target = path.startsWith("/") ? path : "/" + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(timeLimit)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return exchange(b.build(), method + " " + target);
    }

    private JsonNode exchange(HttpRequest request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OrderCloudException(502, "Api.Unreachable", what + " at " + baseUrl + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderCloudException(502, "Api.Unreachable", what + " was interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            JsonNode error = answer.path("Errors").path(0);
            String code = error.path("ErrorCode").asText(answer.path("error").asText("Api.Error"));
            String message = error.path("Message").asText(answer.path("error_description").asText(what + " answered "
                    + response.statusCode()));
            throw new OrderCloudException(response.statusCode(), code, message, error.path("Data").isMissingNode() ? null : error.path("Data"));
        }
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return OrderCloudJson.mapper().readTree(body);
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode().put("error", "Api.InvalidJson")
                    .put("error_description", "the API answered with a body that is not JSON");
        }
    }

    private static byte[] json(Object body) {
        try {
            return body instanceof byte[] bytes ? bytes : OrderCloudJson.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize the request body", e);
        }
    }
}
