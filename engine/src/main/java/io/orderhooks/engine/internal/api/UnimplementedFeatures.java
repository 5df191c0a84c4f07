package io.orderhooks.engine.internal.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.error.OrderCloudException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OrderCloud features the engine does not implement (listed in docs/ENGINE.md, "Not implemented"). Every SDK route of
 * one answers 404 {@code NotFound} with {@code Data} {@code {"ObjectType":"Feature","ObjectID":<feature>}} and a
 * message naming the feature, before any route matching, so a path such as {@code v1/catalogs/bundleassignments}
 * is never mistaken for a catalog ID. No pattern covers a route the engine serves (category bundle assignments,
 * {@code v1/catalogs/{id}/categories/bundleassignments}, are served by the categories feature).
 */
public final class UnimplementedFeatures {

    record Feature(String name, Pattern paths) {}

    static final List<Feature> FEATURES = List.of(
            feature("Bundles", "bundles|cart/bundles|catalogs/bundleassignments|catalogs/[^/]+/bundleassignments"
                    + "|orders/[^/]+/[^/]+/bundles"),
            feature("Subscriptions", "subscriptions|me/subscriptions|integrations/subscription"),
            feature("Locales", "locales"),
            feature("OpenID Connect", "openidconnects"),
            feature("Entity synchronization", "integrations/entitysync"),
            feature("Impersonation configurations", "impersonationconfig"),
            feature("Delivery configurations", "integrations/deliveryconfig"),
            feature("Error configurations", "integrations/errorconfig"),
            feature("Inventory integrations", "integrations/inventory"),
            feature("Order synchronization", "integrations/ordersync"),
            feature("Product synchronization", "integrations/productsync"),
            feature("Promotion integrations", "integrations/promotion"),
            feature("Tracking events", "integrations/trackingevents"),
            feature("One-time passwords", "password/onetimepassword"));

    /**
     * Every root of every feature above contains one of these words (lower case), so a path containing none of them is
     * answered without running the patterns: the check runs before every API request.
     */
    static final List<String> KEYWORDS = List.of("bundle", "subscription", "locales", "openidconnects", "integrations/",
            "impersonationconfig", "onetimepassword");

    private UnimplementedFeatures() {}

    private static Feature feature(String name, String roots) {
        return new Feature(name, Pattern.compile("^/v1/(" + roots + ")(/.*)?/?$", Pattern.CASE_INSENSITIVE));
    }

    /** The feature {@code path} (e.g. {@code /v1/locales/en-US}) belongs to, if it is one the engine does not implement. */
    public static Optional<String> of(String path) {
        if (!mentionsAKeyword(path.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        return FEATURES.stream().filter(f -> f.paths().matcher(path).matches()).map(Feature::name).findFirst();
    }

    /** The 404 answered for a route of {@code feature}. */
    public static OrderCloudException notImplemented(String feature) {
        return new OrderCloudException(404, "NotFound", "Not implemented by this engine: " + feature
                + " (docs/ENGINE.md, \"Not implemented\")", JsonNodeFactory.instance.objectNode().put("ObjectType", "Feature").put("ObjectID", feature));
    }

    private static boolean mentionsAKeyword(String lowerCasePath) {
        for (String word : KEYWORDS) {
            if (lowerCasePath.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
