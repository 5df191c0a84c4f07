package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The marketplace's settings for shared organization carts (orderhooks extension; the names follow Oracle
 * Commerce's {@code sharedOrganizationCart} settings in OrderCloud's PascalCase).
 *
 * @param enabled whether buyer users may share carts (default true)
 * @param hoursUntilEmptyCartPurgeDue hours of inactivity after which an empty shared cart is purged (default 4)
 * @param weeksUntilPurgeDue weeks of inactivity after which a non-empty shared cart is purged (default 8)
 * @param weeksBeforePurgeForNotice weeks before that purge at which the purge notice goes out (default 1)
 */
public record SharedCartSettings(
        @JsonProperty("Enabled") Boolean enabled,
        @JsonProperty("HoursUntilEmptyCartPurgeDue") Integer hoursUntilEmptyCartPurgeDue,
        @JsonProperty("WeeksUntilPurgeDue") Integer weeksUntilPurgeDue,
        @JsonProperty("WeeksBeforePurgeForNotice") Integer weeksBeforePurgeForNotice) {

    /** The defaults: enabled, 4 hours, 8 weeks, notice 1 week before. */
    public static final SharedCartSettings DEFAULTS = new SharedCartSettings(true, 4, 8, 1);

    /** These settings with every null field taken from {@link #DEFAULTS}. */
    public SharedCartSettings withDefaults() {
        return new SharedCartSettings(
                enabled != null ? enabled : DEFAULTS.enabled,
                hoursUntilEmptyCartPurgeDue != null ? hoursUntilEmptyCartPurgeDue : DEFAULTS.hoursUntilEmptyCartPurgeDue,
                weeksUntilPurgeDue != null ? weeksUntilPurgeDue : DEFAULTS.weeksUntilPurgeDue,
                weeksBeforePurgeForNotice != null ? weeksBeforePurgeForNotice : DEFAULTS.weeksBeforePurgeForNotice);
    }
}
