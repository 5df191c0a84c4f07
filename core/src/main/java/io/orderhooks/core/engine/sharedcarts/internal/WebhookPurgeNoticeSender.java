package io.orderhooks.core.engine.sharedcarts.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.engine.EngineContext;
import io.orderhooks.core.engine.sharedcarts.PurgeNotice;
import io.orderhooks.core.engine.sharedcarts.PurgeNoticeSender;
import io.orderhooks.core.engine.store.Table;
import io.orderhooks.core.engine.store.Tables;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.Webhook;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PurgeNoticeSender}: one message-event payload per recipient and subscribed webhook, handed to
 * the engine's {@code WebhookSink.after}. A webhook subscribes with the route
 * {@code {"Route":"SharedCartPurgeImminent","Verb":"MESSAGE"}}; its {@code ApiClientIDs} are not consulted (the purge
 * job has no API client). The payload has OrderCloud's message-sender shape:
 * {@code {Environment, BuyerID, SupplierID:null, UserToken:null, Recipient:User, MessageType, CCList:[],
 * EventBody:{Order, PurgeDate}, ConfigData}}. Delivery problems are logged, never thrown. Thread-safe.
 */
public final class WebhookPurgeNoticeSender implements PurgeNoticeSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPurgeNoticeSender.class);
    private static final String VERB = "MESSAGE";

    private final EngineContext ctx;

    public WebhookPurgeNoticeSender(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void send(PurgeNotice notice) {
        List<Webhook> hooks = ctx.store().table(Tables.WEBHOOKS).list().stream().filter(WebhookPurgeNoticeSender::subscribes).toList();
        String buyerID = notice.order().fromCompanyID();
        ObjectMapper json = OrderCloudJson.mapper();
        for (String userID : notice.recipientUserIDs()) {
            User user = ctx.store().table(Tables.USERS).find(Table.key(buyerID, userID)).orElse(null);
            if (user == null) {
                continue;
            }
            for (Webhook hook : hooks) {
                ObjectNode n = json.createObjectNode();
                n.put("Environment", ctx.config().environment()).put("BuyerID", buyerID).putNull("SupplierID").putNull("UserToken");
                n.set("Recipient", json.valueToTree(user.toBuilder().password(null).build()));
                n.put("MessageType", PurgeNotice.MESSAGE_TYPE).putArray("CCList");
                ObjectNode body = n.putObject("EventBody");
                body.set("Order", json.valueToTree(notice.order()));
                body.set("PurgeDate", json.valueToTree(notice.purgeDue()));
                n.set("ConfigData", hook.configData());
                try {
                    ctx.webhookSink().after(hook.endpoint(), json.writeValueAsBytes(n));
                } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                    LOG.error("purge notice for order {} to webhook {} could not be handed over", notice.order().id(), hook.id(), e);
                }
            }
        }
    }

    private static boolean subscribes(Webhook hook) {
        return hook.webhookRoutes() != null && hook.webhookRoutes().stream()
                .anyMatch(r -> PurgeNotice.MESSAGE_TYPE.equals(r.route()) && VERB.equalsIgnoreCase(r.verb()));
    }
}
