package io.orderhooks.engine.internal.sharedcarts;

/**
 * Delivers a {@link PurgeNotice}. Called by {@link SharedCartPurger#purgeDue} once per notice, on the caller's thread;
 * must not block for long and must not throw for a delivery problem (queue or log it instead: the notice counts as
 * sent). Implementations are thread-safe. The engine's default is {@link #messages}.
 */
@FunctionalInterface
public interface PurgeNoticeSender {

    void send(PurgeNotice notice);

    /**
     * {@link PurgeNotice#MESSAGE_TYPE} message events through {@code sender}, one per recipient and subscribed webhook,
     * {@code EventBody = {"Order": ..., "PurgeDate": ...}}. The trigger is the marketplace itself (no API client), so
     * webhooks restricted by {@code ApiClientIDs} do not receive them.
     */
    static PurgeNoticeSender messages(io.orderhooks.engine.internal.messages.MessageSender sender, String sellerOrgID) {
        io.orderhooks.engine.internal.Caller system = io.orderhooks.engine.internal.Caller.seller("system", sellerOrgID, null);
        return n -> {
            var json = io.orderhooks.core.json.OrderCloudJson.mapper();
            var body = json.createObjectNode();
            body.set("Order", json.valueToTree(n.order()));
            body.set("PurgeDate", json.valueToTree(n.purgeDue()));
            String buyerID = n.order().fromCompanyID();
            sender.send(system, PurgeNotice.MESSAGE_TYPE, buyerID, n.recipientUserIDs(), buyerID, body);
        };
    }
}
