package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.integrations.WebhookService;
import io.orderhooks.core.model.Webhook;
import java.util.Set;

/** {@code v1/webhooks} (WebhookAdmin / WebhookReader); {@code CustomAuthHeaderValue} is never returned. */
public final class WebhookRoutes {

    static final Set<String> READ = roles("WebhookReader", "WebhookAdmin");
    static final Set<String> ADMIN = roles("WebhookAdmin");

    private WebhookRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        WebhookService s = ctx.engine().webhooks();
        t.get("v1/webhooks", READ, r -> ctx.list(r, s.list(ctx.caller(r)).stream().map(Webhook::redacted).toList(), Webhook.class));
        t.post("v1/webhooks", 201, ADMIN, r -> s.create(ctx.caller(r), ctx.body(r, Webhook.class)).redacted());
        t.get("v1/webhooks/{webhookID}", READ, r -> s.get(ctx.caller(r), r.param("webhookID")).redacted());
        t.put("v1/webhooks/{webhookID}", ADMIN, r -> s.save(ctx.caller(r), r.param("webhookID"),
                ctx.body(r, Webhook.class)).redacted());
        t.patch("v1/webhooks/{webhookID}", ADMIN, r -> {
            Caller c = ctx.caller(r);
            String id = r.param("webhookID");
            return s.save(c, id, ctx.patch(r, s.get(c, id), Webhook.class)).redacted();
        });
        t.delete("v1/webhooks/{webhookID}", ADMIN, r -> {
            s.delete(ctx.caller(r), r.param("webhookID"));
            return null;
        });
    }
}
