package io.orderhooks.engine.internal.messages;

import io.orderhooks.engine.spi.WebhookEndpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.model.MessageNotification;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.Webhook;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one notification path: delivers message events (OrderCloud's built-in notifications:
 * {@code OrderSubmitted}, {@code ForgottenPassword}, {@code ProductCollectionInvitationAccepted}, ...) through the
 * engine's {@code WebhookSink} (post-webhook delivery: delivery log, retries), so any feature can notify users without
 * knowing about HTTP. Two kinds of subscriber receive the same {@link MessageNotification} shape:
 *
 * <p><b>Message senders</b> ({@code v1/messagesenders}, {@link MessageSenderService}): a sender listing the type and
 * serving the recipient ({@link SenderSelection}) receives it at its {@code URL}, signed ({@code X-oc-hash}) with its
 * {@code SharedKey}, with {@code ConfigData} = the sender's {@code xp} and {@code CCList} = its CC listeners' emails.
 * The sink sees the sender as endpoint {@code messagesender:<ID>}.
 *
 * <p><b>Webhooks.</b> A merchant subscribes a webhook to a message type by listing
 * {@code {"Route":"<MessageType>","Verb":"MESSAGE"}} in its {@code WebhookRoutes}. When the webhook has
 * {@code ApiClientIDs}, only messages triggered through one of those clients are delivered to it; with none
 * (null or empty) every message of the type is. {@code BeforeProcessRequest} is ignored: messages are always
 * post-hoc ({@link io.orderhooks.engine.spi.WebhookSink#after}) and can never block anything.
 *
 * <p><b>Payload.</b> One {@link MessageNotification} per recipient and webhook: {@code Recipient} is the
 * stored user (password removed), {@code EventBody} the feature's body, {@code ConfigData} the webhook's.
 *
 * <p>Thread-safe. {@link #send} never throws for a delivery problem: the sink queues deliveries, and a sink
 * that misbehaves is logged, because the change that caused the message has already happened.
 */
public final class MessageSender {

    /** The webhook route verb that marks a message subscription. */
    public static final String VERB = "MESSAGE";

    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

    /** The endpoint-ID prefix of message senders in the sink and the delivery log. */
    public static final String SENDER_ENDPOINT_PREFIX = "messagesender:";

    private final EngineContext ctx;
    private final Supplier<List<Webhook>> webhooks;
    private final SenderSelection senders;

    /** Subscriptions are read from {@code webhooks} at every send. */
    public MessageSender(EngineContext ctx, Supplier<List<Webhook>> webhooks) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.senders = new SenderSelection(ctx);
    }

    /** Subscriptions read from the store's {@link Tables#WEBHOOKS} table. */
    public static MessageSender fromStore(EngineContext ctx) {
        return new MessageSender(ctx, () -> ctx.store().table(Tables.WEBHOOKS).list());
    }

    /**
     * Sends {@code messageType} to each of {@code recipientUserIDs} (users of company {@code companyID}; unknown
     * users are skipped) through every message sender serving the recipient and every subscribed webhook. Returns
     * how many payloads were handed to the sink.
     *
     * @param trigger who caused the message (its API client selects webhooks with {@code ApiClientIDs})
     * @param buyerID the buyer the message concerns (sent as {@code BuyerID}); may be null
     */
    public int send(Caller trigger, String messageType, String companyID, List<String> recipientUserIDs,
            String buyerID, JsonNode eventBody) {
        return sendLazily(trigger, messageType, companyID, recipientUserIDs, buyerID, () -> eventBody);
    }

    /**
     * As {@link #send(Caller, String, String, List, String, JsonNode)}, with the event body built only when some
     * sender or webhook receives the message (at most once): a message nobody subscribes to costs no serialization.
     */
    public int sendLazily(Caller trigger, String messageType, String companyID, List<String> recipientUserIDs,
            String buyerID, Supplier<JsonNode> body) {
        // the subscriptions, recipients and senders read together (one table-versions statement while the read-mostly
        // tables are unchanged); the group ends at the first delivery, which writes the outbox
        return ctx.store().readTogether(() -> sendRead(trigger, messageType, companyID, recipientUserIDs, buyerID, body));
    }

    private int sendRead(Caller trigger, String messageType, String companyID, List<String> recipientUserIDs,
            String buyerID, Supplier<JsonNode> body) {
        Supplier<JsonNode> once = new Supplier<>() {
            private JsonNode built;

            @Override
            public JsonNode get() {
                if (built == null) {
                    built = body.get();
                }
                return built;
            }
        };
        List<Webhook> subscribed = webhooks.get().stream().filter(w -> subscribes(w, messageType, trigger)).toList();
        int sent = 0;
        for (String userID : recipientUserIDs) {
            Optional<User> recipient = ctx.store().table(Tables.USERS).find(Table.key(companyID, userID))
                    .map(u -> u.toBuilder().password(null).build());
            if (recipient.isEmpty()) {
                LOG.warn("message {} not sent: no user {}/{}", messageType, companyID, userID);
                continue;
            }
            String supplierID = supplierOf(recipient.get());
            for (SenderSelection.Target target : senders.targets(messageType, recipient.get())) {
                MessageSenderResource s = target.sender();
                MessageNotification n = new MessageNotification(ctx.config().environment(), buyerID, supplierID, null,
                        recipient.get(), messageType, senders.ccList(target, messageType), once.get(), s.xp());
                if (deliver(new WebhookEndpoint(SENDER_ENDPOINT_PREFIX + s.id(), s.url(), s.sharedKey(), null, null,
                        false, false), n)) {
                    sent++;
                }
            }
            for (Webhook hook : subscribed) {
                MessageNotification n = new MessageNotification(ctx.config().environment(), buyerID, supplierID, null,
                        recipient.get(), messageType, List.of(), once.get(), hook.configData());
                if (deliver(WebhookEndpoint.of(hook), n)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Whether {@code hook} subscribes to {@code messageType} for messages triggered by {@code trigger}. */
    static boolean subscribes(Webhook hook, String messageType, Caller trigger) {
        if (hook.webhookRoutes() == null || hook.webhookRoutes().stream()
                .noneMatch(r -> messageType.equals(r.route()) && VERB.equalsIgnoreCase(r.verb()))) {
            return false;
        }
        List<String> clients = hook.apiClientIDs();
        return clients == null || clients.isEmpty() || (trigger.clientID() != null && clients.contains(trigger.clientID()));
    }

    private String supplierOf(User recipient) {
        return ctx.store().table(Tables.SUPPLIERS).find(recipient.companyID()).isPresent() ? recipient.companyID() : null;
    }

    private boolean deliver(WebhookEndpoint endpoint, MessageNotification n) {
        try {
            byte[] bytes = OrderCloudJson.mapper().writeValueAsBytes(n);
            ctx.webhookSink().after(endpoint, bytes);
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("message {} to {} could not be handed over", n.messageType(), endpoint.id(), e);
            return false;
        }
    }
}
