package io.orderhooks.engine.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cheap keyword check in front of the unimplemented-feature patterns never hides a feature. */
class UnimplementedFeaturesKeywordsTest {

    @Test
    void everyRootOfEveryUnimplementedFeatureContainsAKeyword() {
        for (UnimplementedFeatures.Feature f : UnimplementedFeatures.FEATURES) {
            String source = f.paths().pattern();
            String roots = source.substring("^/v1/(".length(), source.indexOf(")(/.*)?/?$"));
            for (String root : roots.split("\\|")) {
                assertThat(UnimplementedFeatures.KEYWORDS).as(f.name() + " root " + root)
                        .anyMatch(word -> root.toLowerCase(java.util.Locale.ROOT).replace("[^/]+", "x").contains(word));
            }
        }
    }

    @Test
    void pathsAreMatchedIgnoringCaseAndOrdinaryPathsAreNotFeatures() {
        assertThat(UnimplementedFeatures.of("/v1/Catalogs/BundleAssignments")).contains("Bundles");
        assertThat(UnimplementedFeatures.of("/v1/me/Subscriptions/s1")).contains("Subscriptions");
        assertThat(UnimplementedFeatures.of("/v1/password/OneTimePassword")).contains("One-time passwords");
        assertThat(UnimplementedFeatures.of("/v1/orders/Outgoing/o1/lineitems")).isEmpty();
        assertThat(UnimplementedFeatures.of("/v1/integrations")).isEmpty();
        Arrays.asList("/v1/catalogs/c1/categories/bundleassignments", "/v1/integrationEvents")
                .forEach(p -> assertThat(UnimplementedFeatures.of(p)).as(p).isEmpty());
    }
}
