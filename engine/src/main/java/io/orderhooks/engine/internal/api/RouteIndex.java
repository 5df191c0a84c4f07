package io.orderhooks.engine.internal.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the route of a request in one walk down a tree of path segments per verb, instead of trying every route's
 * regular expression in turn. It answers exactly what mounting the routes one by one on Javalin in
 * {@link RouteTable#routes()} order did (case-insensitive literals, one optional trailing slash, a parameter matching
 * one non-empty segment, URL-decoded as Javalin decodes it): where several templates match, the one with a literal
 * segment at the first place they differ wins, which is the first of them in that order. Immutable and thread-safe.
 */
final class RouteIndex {

    /** A matched route and its path parameters by template name (decoded). */
    record Match(ApiRoute route, Map<String, String> pathParams) {}

    /** One segment position of the tree: literal children by lower-case text, one parameter child, routes ending here. */
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node parameter;
        ApiRoute route;
        List<String> parameterNames;
    }

    private final Map<String, Node> roots = new HashMap<>();

    /** @param routes in mounting order ({@link RouteTable#routes()}): of two templates of one shape, the first wins */
    RouteIndex(List<ApiRoute> routes) {
        for (ApiRoute route : routes) {
            add(route);
        }
    }

    private void add(ApiRoute route) {
        Node node = roots.computeIfAbsent(route.verb(), v -> new Node());
        List<String> names = new ArrayList<>();
        for (String segment : route.template().split("/", -1)) {
            if (isParameter(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
                node = node.parameter == null ? (node.parameter = new Node()) : node.parameter;
            } else {
                if (segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0
                        || segment.indexOf('*') >= 0 || segment.indexOf('<') >= 0) {
                    throw new IllegalArgumentException("unsupported route template " + route.template());
                }
                node = node.literals.computeIfAbsent(segment.toLowerCase(Locale.ROOT), s -> new Node());
            }
        }
        if (node.route == null) {
            node.route = route;
            node.parameterNames = List.copyOf(names);
        }
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}'
                && segment.indexOf('{', 1) < 0 && segment.indexOf('}') == segment.length() - 1;
    }

    /**
     * The route for {@code verb} (upper case) and the raw request path (as sent, starting with {@code /}), or null
     * when none matches.
     */
    Match find(String verb, String path) {
        Node root = roots.get(verb);
        if (root == null || path.length() < 2 || path.charAt(0) != '/') {
            return null;
        }
        int end = path.charAt(path.length() - 1) == '/' ? path.length() - 1 : path.length();
        String[] segments = path.substring(1, end).split("/", -1);
        String[] values = new String[segments.length];
        Node leaf = walk(root, segments, 0, values, 0);
        if (leaf == null) {
            return null;
        }
        Map<String, String> params = new HashMap<>(leaf.parameterNames.size() * 2);
        for (int i = 0; i < leaf.parameterNames.size(); i++) {
            params.put(leaf.parameterNames.get(i), io.javalin.http.servlet.JavalinServletContextKt.urlDecode(values[i]));
        }
        return new Match(leaf.route, params);
    }

    /** Depth first, literal child before parameter child; {@code values} collects the parameter segments taken. */
    private static Node walk(Node node, String[] segments, int at, String[] values, int taken) {
        if (at == segments.length) {
            return node.route == null ? null : node;
        }
        String segment = segments[at];
        if (segment.isEmpty()) {
            return null;
        }
        Node literal = node.literals.get(segment.toLowerCase(Locale.ROOT));
        if (literal != null) {
            Node found = walk(literal, segments, at + 1, values, taken);
            if (found != null) {
                return found;
            }
        }
        if (node.parameter != null) {
            values[taken] = segment;
            return walk(node.parameter, segments, at + 1, values, taken + 1);
        }
        return null;
    }
}
