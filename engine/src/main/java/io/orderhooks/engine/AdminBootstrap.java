package io.orderhooks.engine;

import java.util.Map;
import java.util.Objects;

/**
 * The marketplace owner's first credentials, ensured on every start: an admin user (seller type) holding a
 * {@code FullAccess} security profile, and an API client ({@code AllowSeller}, a client secret for
 * {@code client_credentials}, {@code DefaultContextUserName} = the admin).
 *
 * <p>Configuration: {@code ORDERHOOKS_ADMIN_CLIENT_ID} (default {@code admin-client}),
 * {@code ORDERHOOKS_ADMIN_CLIENT_SECRET} ({@code admin-secret}), {@code ORDERHOOKS_ADMIN_USERNAME}
 * ({@code admin}), {@code ORDERHOOKS_ADMIN_PASSWORD} ({@code admin-password}). The defaults are for local use
 * only; set all four anywhere else.
 */
public record AdminBootstrap(String clientID, String clientSecret, String username, String password) {

    public static final AdminBootstrap LOCAL_DEFAULTS = new AdminBootstrap("admin-client", "admin-secret", "admin",
            "admin-password");

    public AdminBootstrap {
        requireText(clientID, "clientID");
        requireText(clientSecret, "clientSecret");
        requireText(username, "username");
        requireText(password, "password");
    }

    /** Reads the four variables from {@code env} (e.g. {@code System.getenv()}), defaulting each one. */
    public static AdminBootstrap fromEnvironment(Map<String, String> env) {
        return new AdminBootstrap(
                env.getOrDefault("ORDERHOOKS_ADMIN_CLIENT_ID", LOCAL_DEFAULTS.clientID()),
                env.getOrDefault("ORDERHOOKS_ADMIN_CLIENT_SECRET", LOCAL_DEFAULTS.clientSecret()),
                env.getOrDefault("ORDERHOOKS_ADMIN_USERNAME", LOCAL_DEFAULTS.username()),
                env.getOrDefault("ORDERHOOKS_ADMIN_PASSWORD", LOCAL_DEFAULTS.password()));
    }

    /** Whether any value is a local default (the API logs a warning at start). */
    public boolean usesDefaults() {
        return clientSecret.equals(LOCAL_DEFAULTS.clientSecret()) || password.equals(LOCAL_DEFAULTS.password());
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "AdminBootstrap[clientID=" + clientID + ", username=" + username + ", secrets redacted]";
    }
}
