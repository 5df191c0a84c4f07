package io.orderhooks.webhooks.internal;

import io.orderhooks.webhooks.PostWebhookHandler;
import io.orderhooks.webhooks.PreHookPolicy;
import io.orderhooks.webhooks.PreWebhookHandler;
import io.orderhooks.webhooks.RouteTemplate;
import java.util.Objects;

/** One registered hook: a verb and template with either a pre-handler (and its policy) or a post-handler. */
public record Registration(String verb, RouteTemplate template, PreWebhookHandler pre, PreHookPolicy prePolicy,
        PostWebhookHandler post) {

    public Registration {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(template, "template");
        if ((pre == null) == (post == null)) {
            throw new IllegalArgumentException("exactly one of a pre- and a post-handler is required");
        }
        if (pre != null) {
            Objects.requireNonNull(prePolicy, "prePolicy");
        }
    }

    public static Registration pre(String verb, RouteTemplate template, PreWebhookHandler handler, PreHookPolicy policy) {
        return new Registration(verb, template, Objects.requireNonNull(handler, "handler"), policy, null);
    }

    public static Registration post(String verb, RouteTemplate template, PostWebhookHandler handler) {
        return new Registration(verb, template, null, null, Objects.requireNonNull(handler, "handler"));
    }

    public boolean isPre() {
        return pre != null;
    }

    /** e.g. {@code PUT v1/buyers/{buyerID} (pre)}: the route tag of this hook's metrics. */
    public String metricRoute() {
        return describe() + (isPre() ? " (pre)" : " (post)");
    }

    /** e.g. {@code PUT v1/buyers/{buyerID}}. */
    public String describe() {
        return verb + " " + template;
    }
}
