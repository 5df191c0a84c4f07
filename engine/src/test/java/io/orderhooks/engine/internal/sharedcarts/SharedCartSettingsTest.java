package io.orderhooks.engine.internal.sharedcarts;

import static io.orderhooks.engine.internal.sharedcarts.SharedCartFixture.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.model.SharedCartSettings;
import org.junit.jupiter.api.Test;

class SharedCartSettingsTest {

    final SharedCartFixture f = new SharedCartFixture();

    SharedCartSettingsService settings() {
        return f.engine.sharedCartSettings();
    }

    @Test
    void defaultsAreEnabledFourHoursEightWeeksAndOneWeekNotice() {
        assertThat(settings().get(f.seller)).isEqualTo(new SharedCartSettings(true, 4, 8, 1));
    }

    @Test
    void theSellerSavesSettingsAndNullFieldsTakeDefaults() {
        assertThat(settings().save(f.seller, new SharedCartSettings(false, 2, 6, 3))).isEqualTo(new SharedCartSettings(false, 2, 6, 3));
        assertThat(settings().get(f.seller)).isEqualTo(new SharedCartSettings(false, 2, 6, 3));
        assertThat(settings().save(f.seller, new SharedCartSettings(null, null, 12, null))).isEqualTo(new SharedCartSettings(true, 4, 12, 1));
    }

    @Test
    void invalidSettingsAreRefusedNamingTheFieldAndNothingIsStored() {
        var zero = thrown(() -> settings().save(f.seller, new SharedCartSettings(true, 0, 8, 1)));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorCode()).isEqualTo("ValidationFailure");
        assertThat(zero.getMessage()).isEqualTo("HoursUntilEmptyCartPurgeDue must be at least 1, was 0");
        assertThat(thrown(() -> settings().save(f.seller, new SharedCartSettings(true, 4, -1, 1))).getMessage())
                .isEqualTo("WeeksUntilPurgeDue must be at least 1, was -1");
        assertThat(thrown(() -> settings().save(f.seller, new SharedCartSettings(true, 4, 8, 0))).getMessage())
                .isEqualTo("WeeksBeforePurgeForNotice must be at least 1, was 0");
        assertThat(thrown(() -> settings().save(f.seller, new SharedCartSettings(true, 4, 2, 2))).getMessage())
                .isEqualTo("WeeksBeforePurgeForNotice (2) must be less than WeeksUntilPurgeDue (2)");
        assertThat(settings().get(f.seller)).isEqualTo(SharedCartSettings.DEFAULTS);
    }

    @Test
    void onlyTheSellerReadsAndWritesSettings() {
        var read = thrown(() -> settings().get(f.u1));
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.errorCode()).isEqualTo("Auth.UserNotAuthorizedToAdmin");
        assertThat(thrown(() -> settings().save(f.u1, new SharedCartSettings(false, 4, 8, 1))).status()).isEqualTo(403);
        assertThat(settings().current().enabled()).isTrue();
    }

    @Test
    void disablingTheFeatureStopsSharingButExistingSharedCartsKeepWorking() {
        f.cart(f.u1, "S1");
        f.carts().share(f.u1, "S1");
        settings().save(f.seller, new SharedCartSettings(false, 4, 8, 1));
        f.cart(f.u1, "P");
        var refused = thrown(() -> f.carts().share(f.u1, "P"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("SharedCart.FeatureDisabled");
        assertThat(f.order(f.u1, "P").sharedWithOrganization()).isNull();
        assertThat(f.carts().switchTo(f.u2, "S1").id()).isEqualTo("S1");
        f.add(f.u2, "S1", "P1", 1, null);
        settings().save(f.seller, new SharedCartSettings(true, 4, 8, 1));
        assertThat(f.carts().share(f.u1, "P").sharedWithOrganization()).isTrue();
    }
}
