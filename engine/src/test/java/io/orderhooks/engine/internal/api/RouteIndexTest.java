package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.config.RouterConfig;
import io.javalin.router.matcher.PathParser;
import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteIndex} finds, for every path, the route and path parameters that Javalin's own matcher found when every
 * route was mounted on its own in {@link RouteTable#routes()} order (the first route whose pattern matches wins):
 * checked on the engine's whole route table against Javalin's {@link PathParser} with the API's router settings.
 */
class RouteIndexTest {

    private static final List<ApiRoute> ROUTES = api().routes();
    private static final RouteIndex INDEX = new RouteIndex(ROUTES);

    @Test
    void everyPathMadeFromTheRouteTableFindsTheRouteAndParametersJavalinFound() {
        Set<String> paths = samplePaths();
        int matched = 0;
        for (String verb : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            for (String path : paths) {
                RouteIndex.Match expected = javalinMatch(verb, path);
                RouteIndex.Match actual = INDEX.find(verb, path);
                assertThat(actual).as("%s %s", verb, path).isEqualTo(expected);
                matched += expected == null ? 0 : 1;
            }
        }
        assertThat(paths).hasSizeGreaterThan(2_000);
        assertThat(matched).as("paths some route matches").isGreaterThan(1_000);
    }

    @Test
    void aLiteralSegmentWinsOverAParameterWhateverTheCaseOfThePath() {
        RouteIndex.Match cart = INDEX.find("PUT", "/V1/CART/BillTo");

        assertThat(cart.route().template()).isEqualTo("v1/cart/billto");
        assertThat(INDEX.find("GET", "/v1/orders/Outgoing/o%201/").pathParams())
                .isEqualTo(Map.of("direction", "Outgoing", "orderID", "o 1"));
    }

    @Test
    void emptySegmentsUnknownVerbsAndPathsOutsideTheTableMatchNothing() {
        assertThat(INDEX.find("GET", "/v1/orders//o1")).isNull();
        assertThat(INDEX.find("GET", "/v1/orders/Outgoing/o1//")).isNull();
        assertThat(INDEX.find("HEAD", "/v1/orders/Outgoing/o1")).isNull();
        assertThat(INDEX.find("GET", "/v1/nothing-here")).isNull();
        assertThat(INDEX.find("GET", "/")).isNull();
        assertThat(INDEX.find("GET", "")).isNull();
    }

    @Test
    void aTemplateWithAPatternInsideASegmentIsRefused() {
        ApiRoute odd = new ApiRoute("GET", "v1/files/{name}.json", null, 200, r -> null);

        assertThatThrownBy(() -> new RouteIndex(List.of(odd))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported route template v1/files/{name}.json");
    }

    /** The first route of {@code verb} whose Javalin pattern matches, in mounting order, with Javalin's parameters. */
    private static RouteIndex.Match javalinMatch(String verb, String path) {
        RouterConfig config = new RouterConfig();
        config.caseInsensitiveRoutes = true;
        config.ignoreTrailingSlashes = true;
        for (ApiRoute route : ROUTES) {
            if (!route.verb().equals(verb)) {
                continue;
            }
            PathParser parser = PARSERS.computeIfAbsent(route, r -> new PathParser("/" + r.template(), config));
            if (parser.matches(path)) {
                return new RouteIndex.Match(route, parser.extractPathParams(path));
            }
        }
        return null;
    }

    private static final Map<ApiRoute, PathParser> PARSERS = new java.util.HashMap<>();

    /**
     * Paths built from every template: parameters as plain, encoded and literal-looking values (each literal that
     * another template of the same prefix has at that place, so templates that differ in one segment compete),
     * literals in other cases, a trailing slash, an empty segment, one segment more or less.
     */
    private static Set<String> samplePaths() {
        Map<String, Set<String>> literalsAfter = new java.util.HashMap<>();
        for (ApiRoute route : ROUTES) {
            String[] segments = route.template().split("/");
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].startsWith("{")) {
                    literalsAfter.computeIfAbsent(shape(segments, i), k -> new LinkedHashSet<>()).add(segments[i]);
                }
            }
        }
        List<String> values = List.of("x1", "A%20b", "a+b", "%E2%82%AC", "Outgoing", "me");
        Set<String> paths = new LinkedHashSet<>();
        for (ApiRoute route : ROUTES) {
            String[] segments = route.template().split("/");
            for (String value : values) {
                paths.add(fill(segments, value, false));
            }
            String plain = fill(segments, "x1", false);
            paths.addAll(List.of(fill(segments, "x1", true), plain + "/", plain + "//", plain + "/extra",
                    plain.replaceFirst("/[^/]+$", ""), plain.replaceFirst("/", "//")));
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    for (String literal : literalsAfter.getOrDefault(shape(segments, i), Set.of())) {
                        String[] copy = segments.clone();
                        copy[i] = literal;
                        paths.add(fill(copy, "x1", false));
                    }
                }
            }
        }
        return paths;
    }

    /** The first {@code n} segments with every parameter as {@code {}}, lower case. */
    private static String shape(String[] segments, int n) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < n; i++) {
            key.append(segments[i].startsWith("{") ? "{}" : segments[i].toLowerCase()).append('/');
        }
        return key.toString();
    }

    private static String fill(String[] segments, String value, boolean upperLiterals) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(segment.startsWith("{") ? value : upperLiterals ? segment.toUpperCase() : segment);
        }
        return path.toString();
    }

    private static EngineApi api() {
        Engine engine = Engine.builder().clock(MutableClock.at("2026-03-01T10:00:00Z")).passwordHasher(new PasswordHasher(1)).build();
        return EngineApi.builder(engine).admin(AdminBootstrap.LOCAL_DEFAULTS).build();
    }
}
