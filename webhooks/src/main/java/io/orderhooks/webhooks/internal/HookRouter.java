package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.RouteTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the hook for a payload's {@code Route} and {@code Verb}. The route is normally the template itself
 * (as OrderCloud sends it); a concrete path also matches, the most specific template (most literal segments)
 * winning. Immutable and thread-safe once built.
 */
public final class HookRouter {

    /** The verbs OrderCloud fires webhooks for. */
    public static final Set<String> VERBS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<Registration> registrations;

    private HookRouter(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /**
     * A router over {@code registrations}.
     *
     * @throws IllegalArgumentException if one template and verb is registered twice (pre and post included)
     */
    public static HookRouter of(List<Registration> registrations) {
        List<Registration> seen = new ArrayList<>();
        for (Registration r : registrations) {
            for (Registration earlier : seen) {
                if (earlier.verb().equals(r.verb()) && earlier.template().sameAs(r.template())) {
                    throw new IllegalArgumentException(r.describe() + " is registered twice (as "
                            + kind(earlier) + " and as " + kind(r) + "); mount pre- and post-hooks for one route "
                            + "in separate dispatchers");
                }
            }
            seen.add(r);
        }
        return new HookRouter(seen);
    }

    private static String kind(Registration r) {
        return r.isPre() ? "a pre-hook" : "a post-hook";
    }

    /** Upper-cases and checks {@code verb}. */
    public static String normalizeVerb(String verb) {
        String v = verb == null ? "" : verb.trim().toUpperCase(Locale.ROOT);
        if (!VERBS.contains(v)) {
            throw new IllegalArgumentException("verb must be one of POST, PUT, PATCH, DELETE (OrderCloud fires "
                    + "webhooks only for these), was " + verb);
        }
        return v;
    }

    public Optional<Registration> match(String route, String verb) {
        if (route == null || verb == null) {
            return Optional.empty();
        }
        Registration best = null;
        int bestScore = -1;
        for (Registration r : registrations) {
            if (!r.verb().equalsIgnoreCase(verb.trim())) {
                continue;
            }
            int score = r.template().matchScore(route.trim());
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<Registration> registrations() {
        return registrations;
    }
}
