package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK 12 routes of the features docs/ENGINE.md lists as not implemented answer 404 {@code NotFound} naming the
 * feature ({@code Data.ObjectType = Feature}), whoever asks, and never reach a route that would read a path segment
 * as an ID (e.g. {@code GET v1/catalogs/bundleassignments} is not "catalog bundleassignments not found").
 */
class UnimplementedFeaturesAcceptanceTest {

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One call per SDK route family (verb and path as the SDK sends them), mapped to the feature it must name. */
    static Map<String, String> routes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String r : List.of("GET /v1/bundles", "POST /v1/bundles", "PATCH /v1/bundles/b1", "DELETE /v1/bundles/b1/assignments/buyer1",
                "GET /v1/bundles/productassignments", "POST /v1/cart/bundles/b1", "DELETE /v1/cart/bundles/b1/item1",
                "GET /v1/catalogs/bundleassignments", "POST /v1/catalogs/bundleassignments", "DELETE /v1/catalogs/c1/bundleassignments/b1",
                "POST /v1/orders/Outgoing/o1/bundles/b1",
                "DELETE /v1/orders/Incoming/o1/bundles/b1/item1")) {
            m.put(r, "Bundles");
        }
        for (String r : List.of("GET /v1/subscriptions", "PUT /v1/subscriptions/s1", "POST /v1/subscriptions/s1/items",
                "POST /v1/subscriptions/s1/bundles/b1", "GET /v1/me/subscriptions", "DELETE /v1/me/subscriptions/s1/items/i1",
                "POST /v1/me/subscriptions/s1/items/bundles/b1", "GET /v1/integrations/subscription", "PUT /v1/integrations/subscription")) {
            m.put(r, "Subscriptions");
        }
        for (String r : List.of("GET /v1/locales", "POST /v1/locales/assignments", "DELETE /v1/locales/en-US/assignments")) {
            m.put(r, "Locales");
        }
        m.put("GET /v1/openidconnects", "OpenID Connect");
        m.put("PUT /v1/openidconnects/oidc1", "OpenID Connect");
        m.put("GET /v1/integrations/entitysync/buyers/users", "Entity synchronization");
        m.put("POST /v1/integrations/entitysync/adminusers/sync", "Entity synchronization");
        m.put("GET /v1/impersonationconfig", "Impersonation configurations");
        m.put("PATCH /v1/impersonationconfig/ic1", "Impersonation configurations");
        m.put("GET /v1/integrations/deliveryconfig", "Delivery configurations");
        m.put("DELETE /v1/integrations/deliveryconfig/dc1", "Delivery configurations");
        m.put("GET /v1/integrations/ErrorConfig", "Error configurations");
        m.put("POST /v1/integrations/ErrorConfig/validate", "Error configurations");
        m.put("PUT /v1/integrations/inventory", "Inventory integrations");
        m.put("PATCH /v1/integrations/OrderSync", "Order synchronization");
        m.put("POST /v1/integrations/productsync/sync", "Product synchronization");
        m.put("DELETE /v1/integrations/promotion", "Promotion integrations");
        m.put("GET /v1/integrations/trackingEvents", "Tracking events");
        m.put("PUT /v1/integrations/trackingEvents/ev1", "Tracking events");
        m.put("POST /v1/password/onetimepassword", "One-time passwords");
        return m;
    }

    @Test
    void everySdkRouteOfAnUnimplementedFeatureAnswersNotFoundNamingTheFeature() {
        String admin = server.adminToken();
        List<String> wrong = new ArrayList<>();
        routes().forEach((route, feature) -> {
            String[] vp = route.split(" ");
            boolean body = vp[0].equals("POST") || vp[0].equals("PUT") || vp[0].equals("PATCH");
            for (String token : new String[] {admin, null}) {
                ApiTestServer.Response r = server.send(vp[0], vp[1], token, body ? "application/json" : null, body ? "{}" : null);
                boolean named = r.status() == 404 && "NotFound".equals(r.errorCode())
                        && "Feature".equals(r.body().at("/Errors/0/Data/ObjectType").asText())
                        && feature.equals(r.body().at("/Errors/0/Data/ObjectID").asText())
                        && r.body().at("/Errors/0/Message").asText().equals("Not implemented by this engine: " + feature
                                + " (docs/ENGINE.md, \"Not implemented\")");
                if (!named) {
                    wrong.add(route + (token == null ? " (anonymous)" : "") + " -> " + r.status() + " " + r.body());
                }
            }
        });
        assertThat(wrong).as("routes that did not name their unimplemented feature").isEmpty();
    }

    @Test
    void noRouteTheEngineServesIsShadowedByAnUnimplementedFeature() {
        List<String> shadowed = server.api().routes().stream().map(r -> "/" + r.template().replaceAll("\\{[^}]+}", "x"))
                .filter(path -> UnimplementedFeatures.of(path).isPresent()).toList();
        assertThat(shadowed).isEmpty();
        assertThat(UnimplementedFeatures.of("/v1/catalogs/c1/categories/bundleassignments")).isEmpty();
    }

    @Test
    void implementedNeighboursStillAnswerAsBefore() {
        String admin = server.adminToken();
        assertThat(server.get("/v1/catalogs/c1", admin).body().at("/Errors/0/Data/ObjectType").asText()).isEqualTo("Catalog");
        assertThat(server.get("/v1/integrationEvents", admin).status()).isEqualTo(200);
        assertThat(server.get("/v1/nothing-here", admin).body().at("/Errors/0/Data/ObjectType").asText()).isEqualTo("Route");
    }
}
