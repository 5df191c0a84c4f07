package io.orderhooks.engine.internal;

import java.util.Objects;

/**
 * Fixed settings of one engine.
 *
 * @param sellerOrgID the marketplace owner's organization ID ({@code ToCompanyID} of buyer orders)
 * @param environment {@code Sandbox}, {@code Staging} or {@code Production}: sent as {@code Environment}
 *     in checkout payloads
 */
public record EngineConfig(String sellerOrgID, String environment) {

    public EngineConfig {
        Objects.requireNonNull(sellerOrgID, "sellerOrgID");
        Objects.requireNonNull(environment, "environment");
        if (!environment.equals("Sandbox") && !environment.equals("Staging") && !environment.equals("Production")) {
            throw new IllegalArgumentException("environment must be Sandbox, Staging or Production, was " + environment);
        }
    }
}
