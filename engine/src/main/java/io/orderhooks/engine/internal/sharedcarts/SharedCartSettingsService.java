package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.sharedcarts.internal.SharedCartTables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.SharedCartSettings;

/**
 * The marketplace's shared-cart settings: read and written by the seller only (403
 * {@code Auth.UserNotAuthorizedToAdmin} for buyers and suppliers). Saving replaces the whole settings; a field left
 * null takes its default. Validation (400 {@code ValidationFailure}, naming the field, nothing stored): every number
 * ≥ 1, and {@code WeeksBeforePurgeForNotice} < {@code WeeksUntilPurgeDue}. Thread-safe.
 */
public final class SharedCartSettingsService {

    private final EngineContext ctx;

    public SharedCartSettingsService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public SharedCartSettings get(Caller caller) {
        Errors.requireSeller(caller);
        return current();
    }

    public SharedCartSettings save(Caller caller, SharedCartSettings settings) {
        Errors.requireSeller(caller);
        SharedCartSettings s = (settings == null ? SharedCartSettings.DEFAULTS : settings).withDefaults();
        positive("HoursUntilEmptyCartPurgeDue", s.hoursUntilEmptyCartPurgeDue());
        positive("WeeksUntilPurgeDue", s.weeksUntilPurgeDue());
        positive("WeeksBeforePurgeForNotice", s.weeksBeforePurgeForNotice());
        if (s.weeksBeforePurgeForNotice() >= s.weeksUntilPurgeDue()) {
            throw OrderCloudException.validation("WeeksBeforePurgeForNotice (" + s.weeksBeforePurgeForNotice()
                    + ") must be less than WeeksUntilPurgeDue (" + s.weeksUntilPurgeDue() + ")");
        }
        ctx.store().table(SharedCartTables.SETTINGS).put(SharedCartTables.SETTINGS_KEY, s);
        return s;
    }

    /** The settings in force, for the engine itself (no caller check). */
    public SharedCartSettings current() {
        return ctx.store().table(SharedCartTables.SETTINGS).find(SharedCartTables.SETTINGS_KEY).orElse(SharedCartSettings.DEFAULTS);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw OrderCloudException.validation(field + " must be at least 1, was " + value);
        }
    }
}
