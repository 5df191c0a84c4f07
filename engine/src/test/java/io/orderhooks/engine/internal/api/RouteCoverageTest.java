package io.orderhooks.engine.internal.api;

import io.orderhooks.engine.AdminBootstrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.core.time.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every route of the official JavaScript SDK's surface in scope ({@code api-surface-routes.txt}, copied from
 * {@code reference/api-surface.md}) is registered in the engine API's route table with its verb and path. No route
 * of the list is excluded: every resource it names is in scope.
 */
class RouteCoverageTest {

    @Test
    void everyRouteOfTheSdkSurfaceIsRegisteredWithItsVerbAndPath() throws IOException {
        Set<String> registered = api().routes().stream().map(r -> key(r.verb(), r.template())).collect(Collectors.toSet());

        List<String> missing = surface().stream()
                .filter(route -> !registered.contains(route))
                .toList();

        assertThat(missing).as("routes of api-surface.md missing from EngineApi:%n%s", String.join("\n", missing)).isEmpty();
    }

    @Test
    void theSurfaceListIsTheFullCopy() throws IOException {
        assertThat(surface()).hasSize(406).contains("GET v1/orders/{direction}/{orderid}/worksheet");
    }

    private static List<String> surface() throws IOException {
        try (InputStream in = RouteCoverageTest.class.getResourceAsStream("/api-surface-routes.txt")) {
            assertThat(in).as("api-surface-routes.txt on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .map(p -> key(p[0], p[1]))
                    .toList();
        }
    }

    private static String key(String verb, String template) {
        return verb.toUpperCase(Locale.ROOT) + " " + template.toLowerCase(Locale.ROOT);
    }

    private static EngineApi api() {
        Engine engine = Engine.builder().clock(MutableClock.at("2026-03-01T10:00:00Z")).passwordHasher(new PasswordHasher(1)).build();
        return EngineApi.builder(engine).admin(AdminBootstrap.LOCAL_DEFAULTS).build();
    }
}
