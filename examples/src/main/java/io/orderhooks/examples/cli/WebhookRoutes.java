package io.orderhooks.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.WebhookRoute;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The pre- and post-webhook routes to register for a middleware: parsed from {@code --webhook-route} options
 * ({@code 'pre POST v1/cart/lineitems'}) or read from the middleware's webhook health endpoints
 * ({@code {url}/pre/health}, {@code {url}/post/health}; a 404 means no hooks of that kind).
 *
 * @param pre routes of the pre-webhook (to {@code {url}/pre})
 * @param post routes of the post-webhook (to {@code {url}/post})
 */
record WebhookRoutes(List<WebhookRoute> pre, List<WebhookRoute> post) {

    private static final Set<String> VERBS = Set.of("POST", "PUT", "PATCH", "DELETE");

    WebhookRoutes {
        pre = List.copyOf(pre);
        post = List.copyOf(post);
    }

    boolean isEmpty() {
        return pre.isEmpty() && post.isEmpty();
    }

    /**
     * Routes from {@code KIND VERB TEMPLATE} options.
     *
     * @throws IllegalArgumentException naming the option that is malformed
     */
    static WebhookRoutes parse(List<String> options) {
        List<WebhookRoute> pre = new ArrayList<>();
        List<WebhookRoute> post = new ArrayList<>();
        for (String option : options) {
            String[] parts = option.trim().split("\\s+");
            String kind = parts[0].toLowerCase(Locale.ROOT);
            if (parts.length != 3 || !(kind.equals("pre") || kind.equals("post"))) {
                throw new IllegalArgumentException("--webhook-route '" + option
                        + "' must be 'pre|post VERB TEMPLATE', e.g. 'pre POST v1/orders/{direction}/{orderID}/lineitems'");
            }
            String verb = parts[1].toUpperCase(Locale.ROOT);
            if (!VERBS.contains(verb)) {
                throw new IllegalArgumentException("--webhook-route '" + option + "': the verb must be one of POST, PUT, PATCH, DELETE");
            }
            (kind.equals("pre") ? pre : post).add(new WebhookRoute(parts[2].replaceAll("^/+", ""), verb));
        }
        return new WebhookRoutes(pre, post);
    }

    /**
     * Asks the middleware under {@code webhookUrl} which routes it serves.
     *
     * @throws IllegalStateException if a health endpoint cannot be reached or answers neither 200 nor 404
     */
    static WebhookRoutes askHealth(String webhookUrl, HttpClient http) {
        return new WebhookRoutes(ask(webhookUrl + "/pre/health", "pre", http), ask(webhookUrl + "/post/health", "post", http));
    }

    private static List<WebhookRoute> ask(String url, String kind, HttpClient http) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask the middleware which webhook routes it serves: GET " + url
                    + " failed (" + e + "); start it first or pass --webhook-route");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + url);
        }
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode()
                    + ", not a webhooks health; pass --webhook-route instead");
        }
        return routesOf(url, kind, response.body());
    }

    private static List<WebhookRoute> routesOf(String url, String kind, byte[] body) {
        JsonNode routes;
        try {
            routes = OrderCloudJson.mapper().readTree(body).path("Routes");
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " did not answer JSON; pass --webhook-route instead");
        }
        if (!routes.isArray()) {
            throw new IllegalStateException("GET " + url + " has no Routes list; pass --webhook-route instead");
        }
        List<WebhookRoute> found = new ArrayList<>();
        for (JsonNode route : routes) {
            if (kind.equals(route.path("Kind").asText()) && route.path("Verb").isTextual() && route.path("Route").isTextual()) {
                found.add(new WebhookRoute(route.path("Route").asText(), route.path("Verb").asText()));
            }
        }
        return found;
    }
}
