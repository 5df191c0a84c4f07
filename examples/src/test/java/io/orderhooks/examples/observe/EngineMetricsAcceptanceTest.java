package io.orderhooks.examples.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.engine.delivery.Transports;
import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.checkout.HttpCheckoutIntegration;
import io.orderhooks.micrometer.PrometheusMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's own meters (senders, checkout calls, orders, tokens, logins) scraped from its {@code /metrics}. */
class EngineMetricsAcceptanceTest {

    private static final String ENDPOINT = "checkout";

    @Test
    void deliveriesCheckoutCallsOrdersTokensAndLoginFailuresAreCountedExactly() throws Exception {
        try (PrometheusMetrics metrics = PrometheusMetrics.of(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
                ObservedMarketplace market = new ObservedMarketplace((url, dispatcher) -> new HttpCheckoutIntegration(
                        CheckoutSenderSettings.builder(new InMemoryDeliveryLog()).observer(metrics).build(),
                        Transports.defaultHttpClient()), e -> e.observer(metrics), a -> a.endpoint("/metrics", metrics))) {
            for (int i = 0; i < 2; i++) {
                assertThat(market.api.token(Map.of("grant_type", "password", "client_id", "shop", "username", "ann",
                        "password", "wrong", "scope", "Shopper")).status()).isEqualTo(400);
            }
            assertThat(market.order("calculate", Map.of()).statusCode()).isEqualTo(200);
            assertThat(market.order("calculate", Map.of()).statusCode()).isEqualTo(200);
            HttpResponse<String> submitted = market.order("submit", Map.of());
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

            HttpResponse<String> scraped = market.get("/metrics");

            assertThat(scraped.statusCode()).isEqualTo(200);
            PrometheusText text = PrometheusText.parse(scraped.body());
            assertThat(text.value("orderhooks_delivery_attempts_total", "kind", "checkout", "endpoint", ENDPOINT,
                    "outcome", "delivered")).isEqualTo(3);
            assertThat(text.all("orderhooks_delivery_attempts_total")).hasSize(1);
            assertThat(text.value("orderhooks_delivery_duration_seconds_count", "kind", "checkout", "endpoint", ENDPOINT))
                    .isEqualTo(3);
            assertThat(text.value("orderhooks_delivery_duration_seconds_bucket", "endpoint", ENDPOINT, "le", "+Inf"))
                    .isEqualTo(3);
            assertThat(text.value("orderhooks_delivery_breaker_state", "endpoint", ENDPOINT)).isZero();
            assertThat(text.value("orderhooks_engine_checkout_calls_total", "event", "ordercalculate", "outcome", "delivered"))
                    .isEqualTo(2);
            assertThat(text.value("orderhooks_engine_checkout_calls_total", "event", "ordersubmit", "outcome", "delivered"))
                    .isEqualTo(1);
            assertThat(text.value("orderhooks_engine_orders_total", "transition", "submitted")).isEqualTo(1);
            assertThat(text.value("orderhooks_engine_tokens_issued_total", "grant", "password")).isEqualTo(1);
            assertThat(text.value("orderhooks_engine_logins_failed_total", "grant", "password", "reason",
                    "Auth.IncorrectPassword")).isEqualTo(2);
        }
    }

    @Test
    void orderEngineServesItsMetricsEndpointNextToTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (PrometheusMetrics metrics = PrometheusMetrics.create();
                OrderEngine engine = OrderEngine.create(cfg -> cfg.admin(AdminBootstrap.LOCAL_DEFAULTS).observer(metrics).metricsEndpoint(metrics))
                        .start("127.0.0.1", 0)) {
            AdminBootstrap admin = AdminBootstrap.LOCAL_DEFAULTS;
            String form = "grant_type=client_credentials&client_id=" + admin.clientID() + "&client_secret="
                    + admin.clientSecret() + "&scope=FullAccess";
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);

            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl()
                    + OrderEngine.METRICS_PATH)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(PrometheusText.parse(scraped.body()).value("orderhooks_engine_tokens_issued_total", "grant",
                    "client_credentials")).isEqualTo(1);
        }
    }
}
