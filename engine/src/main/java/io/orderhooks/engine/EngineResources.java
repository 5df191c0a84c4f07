package io.orderhooks.engine;

import io.orderhooks.engine.senders.checkout.CheckoutSenderSettings;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.core.observe.Observer;
import java.time.Clock;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** What an engine lends the senders it builds: its clock, its delivery log, its one HTTP client and its observer. */
record EngineResources(Clock clock, DeliveryLog log, OkHttpClient httpClient, Observer observer) {

    CheckoutSenderSettings checkoutSettings(Consumer<CheckoutSenderSettings.Builder> adjust) {
        CheckoutSenderSettings.Builder b = CheckoutSenderSettings.builder(log).clock(clock).observer(observer);
        adjust.accept(b);
        return b.build();
    }

    WebhookSinkSettings webhookSettings(Consumer<WebhookSinkSettings.Builder> adjust) {
        WebhookSinkSettings.Builder b = WebhookSinkSettings.builder(log).clock(clock).observer(observer);
        adjust.accept(b);
        return b.build();
    }
}
