package io.orderhooks.examples.cli;

import io.orderhooks.engine.AdminBootstrap;
import java.io.PrintWriter;

/** Prints the admin credentials in force, and a generated secret or password exactly once. */
final class AdminBanner {

    private AdminBanner() {}

    static void print(PrintWriter out, AdminBootstrap configured, AdminBootstrap.InForce inForce) {
        out.println("  admin:  client " + inForce.clientID() + ", user " + inForce.username()
                + (configured.usesDefaults() ? " (publicly known local test credentials)" : ""));
        if (inForce.generatedClientSecret() != null) {
            out.println("  admin client secret (generated, shown once): " + inForce.generatedClientSecret());
        } else {
            out.println("  admin client secret: " + (configured.clientSecret() != null ? "as configured" : "as stored at first start"));
        }
        if (inForce.generatedPassword() != null) {
            out.println("  admin password (generated, shown once; only its hash is kept): " + inForce.generatedPassword());
        } else {
            out.println("  admin password: " + (configured.password() != null ? "as configured" : "as stored at first start"));
        }
    }
}
