package io.orderhooks.engine;

import java.util.Map;
import java.util.Objects;

/**
 * The marketplace owner's first credentials, ensured on every start: an admin user (seller type) holding a
 * {@code FullAccess} security profile, and an API client ({@code AllowSeller}, a client secret for
 * {@code client_credentials}, {@code DefaultContextUserName} = the admin).
 *
 * <p>There is no built-in password. A {@code null} {@code clientSecret} or {@code password} means "generate
 * one at first start": the engine creates a random value when the client or user does not exist yet, reports it
 * once in {@link InForce} (the CLI prints it), and keeps only the password's hash in the store; later starts
 * keep what is stored. A value given here replaces the stored one on every start.
 *
 * <p>Configuration: {@code ORDERHOOKS_ADMIN_CLIENT_ID} (default {@code admin-client}),
 * {@code ORDERHOOKS_ADMIN_CLIENT_SECRET} (generated), {@code ORDERHOOKS_ADMIN_USERNAME} ({@code admin}),
 * {@code ORDERHOOKS_ADMIN_PASSWORD} (generated). {@link #LOCAL_DEFAULTS} holds fixed, publicly known values
 * for tests and the throwaway demo; the engine refuses to serve them on a non-loopback address.
 */
public record AdminBootstrap(String clientID, String clientSecret, String username, String password) {

    /** Fixed, publicly known credentials for tests and the in-memory demo: loopback only. */
    public static final AdminBootstrap LOCAL_DEFAULTS = new AdminBootstrap("admin-client", "admin-secret", "admin",
            "admin-password");

    public AdminBootstrap {
        requireText(clientID, "clientID");
        requireText(username, "username");
        if (clientSecret != null) {
            requireText(clientSecret, "clientSecret");
        }
        if (password != null) {
            requireText(password, "password");
        }
    }

    /** Client {@code admin-client}, user {@code admin}, secret and password generated at first start. */
    public static AdminBootstrap generated() {
        return new AdminBootstrap(LOCAL_DEFAULTS.clientID(), null, LOCAL_DEFAULTS.username(), null);
    }

    /** Reads the four variables from {@code env} (e.g. {@code System.getenv()}); absent secrets are generated. */
    public static AdminBootstrap fromEnvironment(Map<String, String> env) {
        return new AdminBootstrap(
                env.getOrDefault("ORDERHOOKS_ADMIN_CLIENT_ID", LOCAL_DEFAULTS.clientID()),
                blankToNull(env.get("ORDERHOOKS_ADMIN_CLIENT_SECRET")),
                env.getOrDefault("ORDERHOOKS_ADMIN_USERNAME", LOCAL_DEFAULTS.username()),
                blankToNull(env.get("ORDERHOOKS_ADMIN_PASSWORD")));
    }

    /** Whether a secret is one of the publicly known {@link #LOCAL_DEFAULTS} (refused off loopback). */
    public boolean usesDefaults() {
        return LOCAL_DEFAULTS.clientSecret().equals(clientSecret) || LOCAL_DEFAULTS.password().equals(password);
    }

    /**
     * The admin credentials in force after a start: the IDs, and a secret or password only when it was generated
     * by this start (shown once; never again retrievable).
     */
    public record InForce(String clientID, String username, String generatedClientSecret, String generatedPassword) {
        @Override
        public String toString() {
            return "InForce[clientID=" + clientID + ", username=" + username + ", generated secrets redacted]";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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
