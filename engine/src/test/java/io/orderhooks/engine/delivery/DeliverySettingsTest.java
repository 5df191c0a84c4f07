package io.orderhooks.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.delivery.InMemoryDeliveryLog;
import io.orderhooks.core.time.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    /** The smallest sender settings: only the shared part plus one knob of its own. */
    static final class TestSettings extends DeliverySettings {
        final Duration limit;

        TestSettings(TestBuilder b) {
            super(b);
            this.limit = b.limit;
        }
    }

    static final class TestBuilder extends DeliverySettings.Builder<TestBuilder> {
        Duration limit = Duration.ofSeconds(1);

        TestBuilder() {
            super(new InMemoryDeliveryLog());
        }

        @Override
        protected TestBuilder self() {
            return this;
        }

        TestBuilder limit(Duration d) {
            this.limit = positive("limit", d);
            return this;
        }

        TestSettings build() {
            return new TestSettings(this);
        }
    }

    @Test
    void defaultsToTheSystemClockTheDefaultResponseCapAndTheDefaultBreakers() {
        TestSettings s = new TestBuilder().build();

        assertThat(s.clock()).isEqualTo(java.time.Clock.systemUTC());
        assertThat(s.maxResponseBytes()).isEqualTo(Transports.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(s.deliverer((r, l) -> null).breaker("e1").getCircuitBreakerConfig().getFailureRateThreshold())
                .isEqualTo(50f);
    }

    @Test
    void sharedSettersChainIntoTheConcreteBuilder() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(
                CircuitBreakerConfig.custom().failureRateThreshold(25).build());

        TestSettings s = new TestBuilder().clock(clock).breakers(breakers).maxResponseBytes(10)
                .limit(Duration.ofMillis(5)).build();

        assertThat(s.clock()).isSameAs(clock);
        assertThat(s.maxResponseBytes()).isEqualTo(10);
        assertThat(s.limit).isEqualTo(Duration.ofMillis(5));
        Deliverer deliverer = s.deliverer((r, l) -> null);
        assertThat(deliverer.clock()).isSameAs(clock);
        assertThat(deliverer.log()).isSameAs(s.log());
        assertThat(deliverer.breaker("e1").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(25f);
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        TestBuilder b = new TestBuilder();

        assertThatThrownBy(() -> b.maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResponseBytes must be positive, was 0");
        assertThatThrownBy(() -> b.limit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive, was PT0S");
        assertThatThrownBy(() -> b.limit(Duration.ofSeconds(-1))).hasMessage("limit must be positive, was PT-1S");
        assertThatThrownBy(() -> b.limit(null)).isInstanceOf(NullPointerException.class).hasMessage("limit");
        assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> b.breakers(null)).isInstanceOf(NullPointerException.class).hasMessage("breakers");
    }
}
