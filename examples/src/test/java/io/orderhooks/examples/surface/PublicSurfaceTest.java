package io.orderhooks.examples.surface;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.engine.OrderEngine;
import io.orderhooks.events.IntegrationEventsDispatcher;
import io.orderhooks.javalin.JavalinMount;
import io.orderhooks.webhooks.WebhooksDispatcher;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import io.orderhooks.middleware.postgres.MiddlewareState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards each published module's public surface, as OkHttp's API dump does: every public type outside an
 * {@code internal} package must be listed in {@code <module>/api/public-types.txt} (DESIGN.md names these files),
 * and every listed type must still exist. A new public type therefore shows up in review. After a deliberate
 * change, regenerate the lists with {@code ./mvnw -B -ntp verify -pl examples -am -Dtest=PublicSurfaceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -DupdatePublicTypes=true} and commit them.
 */
class PublicSurfaceTest {

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("core", RawHandler.class),
                Arguments.of("javalin", JavalinMount.class),
                Arguments.of("servlet", io.orderhooks.servlet.RawHandlerServlet.class),
                Arguments.of("integration-events", IntegrationEventsDispatcher.class),
                Arguments.of("webhooks", WebhooksDispatcher.class),
                Arguments.of("middleware-postgres", MiddlewareState.class),
                Arguments.of("engine", OrderEngine.class),
                Arguments.of("metrics", io.orderhooks.micrometer.PrometheusMetrics.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyPublicTypeOutsideInternalPackagesIsListed(String module, Class<?> anyClassOfTheModule) throws Exception {
        List<String> actual = publicTypes(anyClassOfTheModule);
        Path listing = Path.of("..", module, "api", "public-types.txt");
        if (Boolean.getBoolean("updatePublicTypes")) {
            Files.createDirectories(listing.getParent());
            Files.write(listing, actual, StandardCharsets.UTF_8);
        }
        List<String> listed = Files.readAllLines(listing, StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(actual).as("public types of %s (update %s deliberately, see the class comment)", module, listing)
                .containsExactlyElementsOf(listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void noPublicTypeLeaksFromAnotherModulesPackage(String module, Class<?> anyClassOfTheModule) throws Exception {
        assertThat(publicTypes(anyClassOfTheModule)).allMatch(t -> t.startsWith("io.orderhooks."));
    }

    /** Public top-level and nested types (all enclosing types public too) outside {@code .internal.} packages. */
    static List<String> publicTypes(Class<?> anyClassOfTheModule) throws IOException, URISyntaxException {
        Path location = Path.of(anyClassOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        // target/classes in an IDE or test-compile run; the module's jar in a reactor "verify"
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                });
            }
        }
        TreeSet<String> result = new TreeSet<>();
        ClassLoader loader = anyClassOfTheModule.getClassLoader();
        for (String name : names) {
            if (name.contains(".internal.") || name.endsWith("package-info") || name.matches(".*\\$\\d.*")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (isVisible(type)) {
                    result.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        assertThat(result).as("public types found in %s", location).isNotEmpty();
        return new ArrayList<>(result);
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
