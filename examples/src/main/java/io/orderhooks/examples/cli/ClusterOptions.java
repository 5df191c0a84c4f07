package io.orderhooks.examples.cli;

import io.orderhooks.engine.OrderEngine;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What matters when several engines share one PostgreSQL database ({@code --store postgresql://...}): the token
 * issuer every instance names (the load balancer's URL), how often the purges look for due work, and a signing-key
 * rotation at start.
 */
final class ClusterOptions {

    @Option(names = "--issuer", defaultValue = "${env:ORDERHOOKS_ISSUER}", paramLabel = "URL",
            description = {"The iss/aud of issued tokens: the public URL clients call (env ORDERHOOKS_ISSUER). Give every",
                    "instance behind one load balancer the same value, so each accepts the others' tokens",
                    "(default: this instance's own URL)."})
    String issuer;

    @Option(names = "--purge-period", defaultValue = "${env:ORDERHOOKS_PURGE_PERIOD:-PT1M}", paramLabel = "DURATION",
            description = "How often expired invitations and inactive shared carts are purged, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration purgePeriod;

    @Option(names = "--rotate-signing-key",
            description = {"Make a new token signing key at start; tokens signed with the old one stay valid (on every",
                    "instance) until they expire."})
    boolean rotateSigningKey;

    /** Applies the options to the engine's configuration. */
    void apply(OrderEngine.Config cfg) {
        if (issuer != null && !issuer.isBlank()) {
            cfg.issuer(issuer.trim());
        }
        cfg.purgePeriod(purgePeriod);
    }

    /** Rotates the key when asked, telling {@code out} the new key ID. */
    void afterStart(OrderEngine engine, PrintWriter out) {
        if (rotateSigningKey) {
            out.println("  signing key rotated: new kid " + engine.rotateSigningKey());
        }
    }
}
