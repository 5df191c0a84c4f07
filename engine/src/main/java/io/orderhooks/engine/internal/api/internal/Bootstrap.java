package io.orderhooks.engine.internal.api.internal;

import io.orderhooks.engine.AdminBootstrap;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import io.orderhooks.core.model.User;
import java.util.List;
import java.util.Optional;

/** Ensures the admin user, its FullAccess profile and the admin API client exist (see {@link AdminBootstrap}). */
public final class Bootstrap {

    /** The ID of the security profile the admin user is given. */
    public static final String ADMIN_PROFILE_ID = "orderhooks-admin";

    private Bootstrap() {}

    public static void ensure(Engine engine, AdminBootstrap config) {
        String seller = engine.context().config().sellerOrgID();
        Caller system = Caller.seller("orderhooks-bootstrap", seller, null, "FullAccess");
        Optional<User> existing = engine.orgs().findByUsername(config.username());
        if (existing.isPresent() && !existing.get().companyID().equals(seller)) {
            throw new IllegalStateException("admin username " + config.username() + " belongs to company "
                    + existing.get().companyID() + ", not to the seller");
        }
        User admin = engine.orgs().saveUser(system, seller, User.builder()
                .id(existing.map(User::id).orElse(config.username())).username(config.username())
                .password(config.password()).firstName("Marketplace").lastName("Admin").active(true).build());
        engine.securityProfiles().save(system, ADMIN_PROFILE_ID,
                new SecurityProfile(ADMIN_PROFILE_ID, "orderhooks admin", List.of("FullAccess"), List.of(), null, null));
        engine.securityProfiles().assign(system, new SecurityProfileAssignment(ADMIN_PROFILE_ID, null, null, admin.id(), null));
        ApiClient current = engine.context().store().table(io.orderhooks.engine.internal.store.Tables.API_CLIENTS)
                .find(config.clientID()).orElse(null);
        ApiClient.Builder client = current != null ? current.toBuilder()
                : ApiClient.builder().id(config.clientID()).appName("orderhooks admin").accessTokenDuration(600)
                        .refreshTokenDuration(0).active(true);
        engine.integrations().saveClient(system, client.clientSecret(config.clientSecret()).allowSeller(true)
                .defaultContextUserName(config.username()).build());
    }
}
