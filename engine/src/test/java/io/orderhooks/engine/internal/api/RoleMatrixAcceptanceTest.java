package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.api.testing.ApiTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix over every role-gated route the API serves: a token without any of the route's
 * roles gets 403 {@code Auth.InsufficientRoles} naming them, and a token with exactly one of them passes the
 * role check (whatever the handler then answers for the placeholder IDs, never a 5xx). Bodies are {@code []},
 * which no write route accepts, so the sweep changes nothing.
 */
class RoleMatrixAcceptanceTest {

    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String path(ApiRoute route) {
        return "/" + route.template().replace("{direction}", "Outgoing").replaceAll("\\{[^}]+}", "matrix-x");
    }

    static ApiTestServer.Response call(ApiRoute route, String token) {
        boolean body = !route.verb().equals("GET") && !route.verb().equals("DELETE");
        return server.send(route.verb(), path(route), token, body ? "application/json" : null, body ? "[]" : null);
    }

    static String roleOutside(ApiRoute route) {
        for (String candidate : List.of("PasswordReset", "LocaleReader", "TrackingEventReader")) {
            if (!route.roles().contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no role outside " + route.roles());
    }

    List<ApiRoute> gated() {
        return server.api().routes().stream().filter(r -> r.roles() != null && !r.roles().isEmpty()).toList();
    }

    @Test
    void everyRoleGatedRouteRefusesATokenWithoutItsRoles() {
        List<String> wrong = new ArrayList<>();
        for (ApiRoute route : gated()) {
            ApiTestServer.Response r = call(route, server.adminToken(roleOutside(route)));
            boolean namesRoles = r.status() == 403 && "Auth.InsufficientRoles".equals(r.errorCode())
                    && route.roles().stream().allMatch(role -> r.body().at("/Errors/0/Data/SufficientRoles").toString().contains("\"" + role + "\""));
            if (!namesRoles) {
                wrong.add(route.verb() + " " + route.template() + " -> " + r.status() + " " + r.body());
            }
        }
        assertThat(gated()).hasSizeGreaterThan(250);
        assertThat(wrong).as("routes that did not refuse a token without their roles").isEmpty();
    }

    @Test
    void everyRoleGatedRouteAdmitsATokenWithOneOfItsRoles() {
        List<String> wrong = new ArrayList<>();
        for (ApiRoute route : gated()) {
            String role = route.roles().iterator().next();
            ApiTestServer.Response r = call(route, server.adminToken(role));
            server.clock().advance(Duration.ofSeconds(1));
            if ((r.status() == 403 && "Auth.InsufficientRoles".equals(r.errorCode())) || r.status() == 401 || r.status() >= 500) {
                wrong.add(route.verb() + " " + route.template() + " with " + role + " -> " + r.status() + " " + r.body());
            }
        }
        assertThat(wrong).as("routes whose own role did not get past the role check, or that failed").isEmpty();
    }
}
