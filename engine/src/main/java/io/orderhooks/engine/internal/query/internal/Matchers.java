package io.orderhooks.engine.internal.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The building blocks a filter value compiles into. */
final class Matchers {

    private Matchers() {}

    /** {@code *}: the value is present (not missing, not JSON null). */
    static Matcher present() {
        return value -> !Nodes.isAbsent(value);
    }

    /**
     * A test of single values: absent values never match, arrays match when any element does, objects
     * never match.
     */
    abstract static class Scalar implements Matcher {
        @Override
        public final boolean matches(JsonNode value) {
            if (Nodes.isAbsent(value)) {
                return false;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (!Nodes.isAbsent(element) && element.isValueNode() && test(element)) {
                        return true;
                    }
                }
                return false;
            }
            return value.isValueNode() && test(value);
        }

        abstract boolean test(JsonNode scalar);
    }

    static Matcher equalTo(Literal literal, ValueKind kind) {
        return new Scalar() {
            @Override
            boolean test(JsonNode scalar) {
                return Comparisons.equal(scalar, literal, kind);
            }
        };
    }

    static Matcher like(Glob glob) {
        return new Scalar() {
            @Override
            boolean test(JsonNode scalar) {
                String text = Nodes.text(scalar);
                return text != null && glob.matches(text);
            }
        };
    }

    static Matcher compare(Operator operator, Literal literal, ValueKind kind) {
        return new Scalar() {
            @Override
            boolean test(JsonNode scalar) {
                int c = Comparisons.compare(scalar, literal, kind);
                return c != Comparisons.INCOMPARABLE && operator.accepts(c);
            }
        };
    }

    static Matcher not(Matcher matcher) {
        return value -> !matcher.matches(value);
    }

    static Matcher anyOf(List<Matcher> matchers) {
        if (matchers.size() == 1) {
            return matchers.get(0);
        }
        Matcher[] all = matchers.toArray(new Matcher[0]);
        return value -> {
            for (Matcher m : all) {
                if (m.matches(value)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Matcher allOf(List<Matcher> matchers) {
        if (matchers.size() == 1) {
            return matchers.get(0);
        }
        Matcher[] all = matchers.toArray(new Matcher[0]);
        return value -> {
            for (Matcher m : all) {
                if (!m.matches(value)) {
                    return false;
                }
            }
            return true;
        };
    }
}
