package io.orderhooks.webhooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One of OrderCloud's webhook route templates, as it appears in a payload's {@code Route}, e.g.
 * {@code v1/orders/{direction}/{orderID}/submit}: no leading slash, segments separated by {@code /}, each
 * segment either literal or a whole {@code {name}} placeholder.
 *
 * <p>{@link #parse} is strict and names what is wrong: an empty template or segment (including a leading or
 * trailing slash), unbalanced or partial braces, a placeholder name not matching
 * {@code [A-Za-z][A-Za-z0-9_]*}, a name used twice, or a literal with characters a route cannot hold.
 * Literal segments and placeholder names compare case-insensitively. Immutable and thread-safe.
 */
public final class RouteTemplate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~\\-]+");

    private final String template;
    private final List<Segment> segments;
    private final List<String> paramNames;

    private record Segment(String text, boolean placeholder) {}

    private RouteTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
        this.paramNames = segments.stream().filter(Segment::placeholder).map(Segment::text).toList();
    }

    /**
     * Compiles {@code template}.
     *
     * @throws IllegalArgumentException naming the template and the fault if it is malformed
     */
    public static RouteTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("route template must not be null or blank");
        }
        if (template.startsWith("/")) {
            throw invalid(template, "must not start with '/' (OrderCloud sends routes like v1/buyers/{buyerID})");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : template.split("/", -1)) {
            Segment segment = segment(template, raw);
            if (segment.placeholder() && !seen.add(segment.text().toLowerCase(Locale.ROOT))) {
                throw invalid(template, "placeholder {" + segment.text() + "} is used twice");
            }
            segments.add(segment);
        }
        return new RouteTemplate(template, segments);
    }

    private static Segment segment(String template, String raw) {
        if (raw.isEmpty()) {
            throw invalid(template, "has an empty segment (a doubled or trailing '/')");
        }
        boolean opens = raw.startsWith("{");
        boolean closes = raw.endsWith("}");
        if (opens && closes && raw.length() >= 2) {
            String name = raw.substring(1, raw.length() - 1);
            if (!NAME.matcher(name).matches()) {
                throw invalid(template, "placeholder '" + raw + "' must be {name} with name matching [A-Za-z][A-Za-z0-9_]*");
            }
            return new Segment(name, true);
        }
        if (raw.indexOf('{') >= 0 || raw.indexOf('}') >= 0) {
            throw invalid(template, "segment '" + raw + "' has unbalanced or partial braces");
        }
        if (!LITERAL.matcher(raw).matches()) {
            throw invalid(template, "segment '" + raw + "' has characters a route cannot hold");
        }
        return new Segment(raw, false);
    }

    private static IllegalArgumentException invalid(String template, String fault) {
        return new IllegalArgumentException("malformed route template '" + template + "': " + fault);
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** The placeholder names in order, as spelled in the template. */
    public List<String> paramNames() {
        return paramNames;
    }

    /** The template's own spelling of {@code name} (matched case-insensitively), if it has that placeholder. */
    public Optional<String> paramName(String name) {
        return paramNames.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /**
     * How well {@code route} (a payload's {@code Route}, leading slash tolerated) fits this template: -1 for
     * no match, otherwise the number of literal segments matched (more is more specific). A placeholder
     * matches the same placeholder (any case) or, for a concrete path, any value.
     */
    public int matchScore(String route) {
        if (route == null) {
            return -1;
        }
        String[] parts = (route.startsWith("/") ? route.substring(1) : route).split("/", -1);
        if (parts.length != segments.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < parts.length; i++) {
            Segment s = segments.get(i);
            String part = parts[i];
            boolean partIsPlaceholder = part.startsWith("{") && part.endsWith("}");
            if (s.placeholder()) {
                if (part.isEmpty() || (partIsPlaceholder && !part.substring(1, part.length() - 1).equalsIgnoreCase(s.text()))) {
                    return -1;
                }
            } else if (part.equalsIgnoreCase(s.text())) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    /**
     * Values for placeholders taken from a concrete {@code route} (one that is not itself the template),
     * by the template's names; placeholders the route leaves as {@code {name}} are absent.
     */
    public java.util.Map<String, String> valuesIn(String route) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (matchScore(route) < 0) {
            return values;
        }
        String[] parts = (route.startsWith("/") ? route.substring(1) : route).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (segments.get(i).placeholder() && !parts[i].startsWith("{")) {
                values.put(segments.get(i).text(), parts[i]);
            }
        }
        return values;
    }

    /** Whether {@code other} has the same shape: same literals and placeholders (case-insensitive). */
    public boolean sameAs(RouteTemplate other) {
        return other.matchScore(template) >= 0 && matchScore(other.template) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteTemplate t && t.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
