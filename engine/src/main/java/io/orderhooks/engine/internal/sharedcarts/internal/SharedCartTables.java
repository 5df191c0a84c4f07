package io.orderhooks.engine.internal.sharedcarts.internal;

import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.core.model.SharedCartSettings;

/** The shared-cart feature's tables. */
public final class SharedCartTables {

    private SharedCartTables() {}

    /** One row, key {@link #SETTINGS_KEY}; absent = {@link SharedCartSettings#DEFAULTS}. */
    public static final Table<SharedCartSettings> SETTINGS = Table.of("sharedcartsettings", SharedCartSettings.class);
    public static final String SETTINGS_KEY = "marketplace";

    /** key {@code buyerID/userID}, value the ID of the shared cart the user switched to (no row = personal cart). */
    public static final Table<String> SELECTIONS = Table.of("sharedcartselections", String.class);

    /**
     * key {@code orderID}: the cart's {@code LastUpdated} when its purge notice went out: a notice is sent
     * once per inactivity period, and any change to the cart (a new {@code LastUpdated}) starts a new one.
     */
    public static final Table<NoticeMark> NOTICES = Table.of("sharedcartnotices", NoticeMark.class);

    /** A sent purge notice: for cart {@code orderID} while its {@code LastUpdated} is {@code lastUpdated} (ISO instant). */
    public record NoticeMark(String orderID, String lastUpdated) {}
}
