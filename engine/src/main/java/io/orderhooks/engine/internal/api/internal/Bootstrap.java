package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.store.Tables;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Ensures the admin user, its FullAccess profile and the admin API client exist (see {@link AdminBootstrap}).
 * A secret or password left unset is generated only when the client or user has none yet; the user's password is
 * stored hashed (the store's {@code users} table), so a durable store keeps it across restarts.
 *
 * <p>Instances sharing one database may start at once: callers run {@link #ensure} under the store's
 * {@link io.orderhooks.engine.internal.store.JobLock#runSerialized} for job {@value #JOB}, so the first creates the
 * admin (and generates what is unset) and every later one finds it and generates nothing.
 */
public final class Bootstrap {

    /** The ID of the security profile the admin user is given. */
    public static final String ADMIN_PROFILE_ID = "orderhooks-admin";

    /** The cluster-wide lock under which instances bootstrap one at a time. */
    public static final String JOB = "admin-bootstrap";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bootstrap() {}

    public static AdminBootstrap.InForce ensure(Engine engine, AdminBootstrap config) {
        String seller = engine.context().config().sellerOrgID();
        Caller system = Caller.seller("orderhooks-bootstrap", seller, null, "FullAccess");
        Optional<User> existing = engine.orgs().findByUsername(config.username());
        if (existing.isPresent() && !existing.get().companyID().equals(seller)) {
            throw new IllegalStateException("admin username " + config.username() + " belongs to company "
                    + existing.get().companyID() + ", not to the seller");
        }
        String newPassword = config.password() == null && existing.isEmpty() ? randomSecret() : null;
        User admin = engine.orgs().saveUser(system, seller, User.builder()
                .id(existing.map(User::id).orElse(config.username())).username(config.username())
                .password(config.password() != null ? config.password() : newPassword)
                .firstName("Marketplace").lastName("Admin").active(true).build());
        engine.securityProfiles().save(system, ADMIN_PROFILE_ID,
                new SecurityProfile(ADMIN_PROFILE_ID, "orderhooks admin", List.of("FullAccess"), List.of(), null, null));
        engine.securityProfiles().assign(system, new SecurityProfileAssignment(ADMIN_PROFILE_ID, null, null, admin.id(), null));
        ApiClient current = engine.context().store().table(Tables.API_CLIENTS).find(config.clientID()).orElse(null);
        boolean hasSecret = current != null && current.clientSecret() != null && !current.clientSecret().isBlank();
        String newSecret = config.clientSecret() == null && !hasSecret ? randomSecret() : null;
        String secret = config.clientSecret() != null ? config.clientSecret()
                : newSecret != null ? newSecret : current.clientSecret();
        ApiClient.Builder client = current != null ? current.toBuilder()
                : ApiClient.builder().id(config.clientID()).appName("orderhooks admin").accessTokenDuration(600)
                        .refreshTokenDuration(0).active(true);
        engine.integrations().saveClient(system, client.clientSecret(secret).allowSeller(true)
                .defaultContextUserName(config.username()).build());
        return new AdminBootstrap.InForce(config.clientID(), config.username(), newSecret, newPassword);
    }

    /** 24 random bytes, URL-safe Base64 (32 characters). */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
