package io.orderhooks.engine;

import io.orderhooks.core.http.RawHandler;
import io.orderhooks.engine.senders.webhooks.AbstractWebhookSink;
import io.orderhooks.engine.senders.webhooks.HttpWebhookSink;
import io.orderhooks.engine.senders.webhooks.InProcessWebhookSink;
import io.orderhooks.engine.senders.webhooks.WebhookSinkSettings;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How an {@link OrderEngine} delivers pre- and post-webhooks (and message events) registered through
 * {@code v1/webhooks}. Choose one with {@link OrderEngine.Config#webhooks(Choice)}; the engine builds the sink with
 * its own clock and delivery log, and closes it (in-flight post-webhooks finish, queued ones become dead letters).
 */
public final class WebhookSinks {

    private WebhookSinks() {
    }

    /** Over HTTP to each webhook's {@code Url} (the default), with the default limits and retry schedule. */
    public static Choice http() {
        return http(settings -> { });
    }

    /** Over HTTP, with limits, retry schedule and queue set on the sink's settings. */
    public static Choice http(Consumer<WebhookSinkSettings.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new Choice("http", r -> new HttpWebhookSink(r.webhookSettings(settings), r.httpClient()));
    }

    /**
     * To a dispatcher in this JVM (for example a {@code WebhooksDispatcher}); it sees each webhook URL's path less
     * {@code mountPath}, so the same registered URLs work over HTTP and in-process.
     */
    public static Choice inProcess(RawHandler dispatcher, String mountPath) {
        return inProcess(dispatcher, mountPath, settings -> { });
    }

    /** To a dispatcher in this JVM, with the sink's settings adjusted. */
    public static Choice inProcess(RawHandler dispatcher, String mountPath, Consumer<WebhookSinkSettings.Builder> settings) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(settings, "settings");
        return new Choice("in-process",
                r -> new InProcessWebhookSink(r.webhookSettings(settings), dispatcher, mountPath));
    }

    /** One webhook-sink choice. Immutable. */
    public static final class Choice extends EngineChoice<AbstractWebhookSink> {
        Choice(String description, Function<EngineResources, AbstractWebhookSink> factory) {
            super(description, factory);
        }
    }
}
