package io.orderhooks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhooks.core.model.PreWebhookResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhooksDispatcherBuilderTest {

    static final PreWebhookHandler PROCEED = e -> PreWebhookResponse.proceed();
    static final PostWebhookHandler NOTHING = e -> { };

    @Test
    void refusesADispatcherWithoutKeysOrAnExplicitUnsafeChoice() {
        assertThatThrownBy(() -> WebhooksDispatcher.builder().preHook("PUT", "v1/buyers/{buyerID}", PROCEED).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("signature: set hashKeys(..) (or, unsafely, unsignedUnsafe())");
    }

    @Test
    void refusesAMalformedTemplateAtRegistrationNamingIt() {
        assertThatThrownBy(() -> WebhooksDispatcher.builder().hashKeys("k").preHook("POST", "v1/orders/{orderID", PROCEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed route template 'v1/orders/{orderID': segment '{orderID' has unbalanced or partial braces");
    }

    @Test
    void refusesAVerbOrderCloudNeverFires() {
        assertThatThrownBy(() -> WebhooksDispatcher.builder().postHook("GET", "v1/orders", NOTHING))
                .hasMessage("verb must be one of POST, PUT, PATCH, DELETE (OrderCloud fires webhooks only for these), was GET");
    }

    @Test
    void refusesOneTemplateAndVerbRegisteredTwice() {
        var builder = WebhooksDispatcher.builder().hashKeys("k")
                .preHook("post", "v1/orders/{direction}/{orderID}/submit", PROCEED)
                .postHook("POST", "v1/Orders/{Direction}/{OrderID}/submit", NOTHING);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("POST v1/Orders/{Direction}/{OrderID}/submit is registered twice (as a pre-hook and as a "
                        + "post-hook); mount pre- and post-hooks for one route in separate dispatchers");
    }

    @Test
    void allowsOneTemplateUnderDifferentVerbs() {
        try (WebhooksDispatcher d = WebhooksDispatcher.builder().unsignedUnsafe()
                .preHook("PUT", "v1/buyers/{buyerID}", PROCEED).preHook("PATCH", "v1/buyers/{buyerID}", PROCEED).build()) {
            assertThat(d.routes()).containsExactly("PUT v1/buyers/{buyerID} (pre)", "PATCH v1/buyers/{buyerID} (pre)");
            assertThat(d.isAsync()).isFalse();
            assertThatThrownBy(d::postQueue).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesADispatcherWithoutHooks() {
        assertThatThrownBy(() -> WebhooksDispatcher.builder().hashKeys("k").build())
                .hasMessage("hooks: register at least one preHook(..) or postHook(..)");
    }

    @Test
    void namesTheBadValueOfEachSetting() {
        var b = WebhooksDispatcher.builder();
        assertThatThrownBy(() -> b.maxBodyBytes(0)).hasMessage("maxBodyBytes must be positive, was 0");
        assertThatThrownBy(() -> b.postTimeLimit(Duration.ZERO)).hasMessage("postTimeLimit must be a positive duration, was PT0S");
        assertThatThrownBy(() -> b.hashKeys(" ")).hasMessage("hash key must not be null or blank");
        assertThatThrownBy(() -> PreHookPolicy.defaults().withTimeLimit(Duration.ofMillis(-1)))
                .hasMessage("timeLimit must be positive, was PT-0.001S");
        assertThatThrownBy(() -> AsyncPostOptions.builder().capacity(0)).hasMessage("capacity must be at least 1, was 0");
        assertThatThrownBy(() -> AsyncPostOptions.builder().multiplier(0.5))
                .hasMessage("multiplier must be a finite number >= 1, was 0.5");
        assertThatThrownBy(() -> AsyncPostOptions.builder().initialBackoff(Duration.ofMinutes(10)).build())
                .hasMessage("maxBackoff (PT5M) must not be shorter than initialBackoff (PT10M)");
    }

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        AsyncPostOptions o = AsyncPostOptions.builder().initialBackoff(Duration.ofSeconds(1)).multiplier(3)
                .maxBackoff(Duration.ofSeconds(20)).build();

        assertThat(o.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.backoffAfter(2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.backoffAfter(3)).isEqualTo(Duration.ofSeconds(9));
        assertThat(o.backoffAfter(4)).isEqualTo(Duration.ofSeconds(20));
    }
}
