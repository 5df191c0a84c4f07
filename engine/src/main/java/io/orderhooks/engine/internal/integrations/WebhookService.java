package io.orderhooks.engine.internal.integrations;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.messages.MessageSender;
import io.orderhooks.engine.internal.security.ApiRoles;
import io.orderhooks.engine.internal.store.Repository;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import java.util.List;

/**
 * The stored webhooks (seller administration). The API fires them around write requests; {@link #all()} is
 * what it reads on every write. Values are stored with their write-only {@code CustomAuthHeaderValue};
 * callers redact before answering. Thread-safe.
 */
public final class WebhookService {

    private final EngineContext ctx;

    public WebhookService(EngineContext ctx) {
        this.ctx = ctx;
    }

    private Repository<Webhook> table() {
        return ctx.store().table(Tables.WEBHOOKS);
    }

    /** Creates a webhook; 409 {@code IdExists} when the ID is taken. */
    public Webhook create(Caller caller, Webhook w) {
        Errors.requireSeller(caller);
        Webhook stored = validate(w, w.id() == null || w.id().isBlank() ? ctx.ids().next() : w.id());
        table().insert(stored.id(), stored);
        return stored;
    }

    /** Creates or replaces the webhook {@code id}. */
    public Webhook save(Caller caller, String id, Webhook w) {
        Errors.requireSeller(caller);
        if (w.id() != null && !w.id().equals(id)) {
            throw OrderCloudException.validation("ID cannot be changed (was " + id + ", body has " + w.id() + ")");
        }
        Webhook stored = validate(w, id);
        table().put(id, stored);
        return stored;
    }

    public Webhook get(Caller caller, String id) {
        Errors.requireSeller(caller);
        return table().find(id).orElseThrow(() -> Errors.notFound("Webhook", id));
    }

    public List<Webhook> list(Caller caller) {
        Errors.requireSeller(caller);
        return table().list();
    }

    public void delete(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!table().delete(id)) {
            throw Errors.notFound("Webhook", id);
        }
    }

    /** Every stored webhook, unredacted: for firing. */
    public List<Webhook> all() {
        return table().list();
    }

    private static Webhook validate(Webhook w, String id) {
        if (w.name() == null || w.name().isBlank()) {
            throw Errors.required("Name");
        }
        if (w.url() == null || w.url().isBlank()) {
            throw Errors.required("Url");
        }
        ApiRoles.requireKnown("ElevatedRoles", w.elevatedRoles());
        if (w.webhookRoutes() != null) {
            for (WebhookRoute r : w.webhookRoutes()) {
                if (r == null || r.route() == null || r.verb() == null) {
                    throw Errors.required("WebhookRoutes.Route and WebhookRoutes.Verb");
                }
                if (!List.of("POST", "PUT", "PATCH", "DELETE", MessageSender.VERB).contains(r.verb().toUpperCase(java.util.Locale.ROOT))) {
                    throw OrderCloudException.validation("WebhookRoutes.Verb must be POST, PUT, PATCH, DELETE or "
                            + MessageSender.VERB + " (a message event subscription), was " + r.verb());
                }
            }
        }
        return new Webhook(id, w.name(), w.description(), w.url(), w.hashKey(), w.elevatedRoles(), w.configData(),
                Boolean.TRUE.equals(w.beforeProcessRequest()), w.apiClientIDs() == null ? List.of() : w.apiClientIDs(),
                w.webhookRoutes() == null ? List.of() : w.webhookRoutes(), w.deliveryConfigID(),
                w.customAuthHeaderName(), w.customAuthHeaderValue(), w.xp());
    }
}
