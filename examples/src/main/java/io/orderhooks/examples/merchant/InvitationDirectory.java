package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What invitation owners put in their invitations' {@code xp}, learned from post-webhooks.
 *
 * <p>Why a directory: the user a pre-webhook is about (the one accepting a product-collection invitation, a
 * group-order contributor) may not read the invitation, which belongs to its owner; and OrderCloud has no
 * admin route for either kind. The owner's own {@code POST}/{@code PATCH}/{@code PUT}/{@code DELETE} on the
 * invitation, though, reach a post-webhook with the stored invitation in {@code Response.Body}. So subscribe
 * this directory's {@link #ROUTES} as a post-webhook (real OrderCloud or the engine) and the guards can read
 * {@code xp} without any credentials.
 *
 * <p>This implementation keeps entries in memory: an invitation created while the middleware was down (or
 * before a restart) is unknown, and the guards treat unknown invitations by their own policy. A merchant
 * running several instances would back it with a shared store. Thread-safe.
 */
public final class InvitationDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationDirectory.class);

    /** The two kinds of invitation the guards read. */
    public enum Kind { PRODUCT_COLLECTION, GROUP_ORDER }

    static final String COLLECTION_INVITATIONS = "v1/me/productcollections/{productCollectionID}/invitations";
    static final String ORDER_INVITATIONS = "v1/me/orderinvitations";

    /** The post-webhook routes to subscribe the directory to. */
    public static final List<WebhookRoute> ROUTES = List.of(
            new WebhookRoute(COLLECTION_INVITATIONS, "POST"),
            new WebhookRoute(COLLECTION_INVITATIONS + "/{invitationID}", "PATCH"),
            new WebhookRoute(COLLECTION_INVITATIONS + "/{invitationID}", "PUT"),
            new WebhookRoute(COLLECTION_INVITATIONS + "/{invitationID}", "DELETE"),
            new WebhookRoute(ORDER_INVITATIONS, "POST"),
            new WebhookRoute(ORDER_INVITATIONS + "/{invitationID}", "PATCH"),
            new WebhookRoute(ORDER_INVITATIONS + "/{invitationID}", "DELETE"));

    private final Map<String, JsonNode> xpByKey = new ConcurrentHashMap<>();

    /** Registers the post-hooks of {@link #ROUTES} on {@code postHooks}. */
    public WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder postHooks) {
        Objects.requireNonNull(postHooks, "postHooks");
        for (WebhookRoute route : ROUTES) {
            Kind kind = route.route().startsWith(ORDER_INVITATIONS) ? Kind.GROUP_ORDER : Kind.PRODUCT_COLLECTION;
            postHooks.postHook(route.verb(), route.route(), "DELETE".equals(route.verb())
                    ? event -> forget(kind, event.routeParam("invitationID"))
                    : event -> recordFrom(kind, event));
        }
        return postHooks;
    }

    /** The invitation's {@code xp} ({@code {}} when it has none), or empty if the directory never saw it. */
    public Optional<JsonNode> xpOf(Kind kind, String invitationID) {
        return Optional.ofNullable(xpByKey.get(key(kind, invitationID)));
    }

    /** Records an invitation's {@code xp}; a null xp is stored as {@code {}}. */
    public void record(Kind kind, String invitationID, JsonNode xp) {
        synchronized (xpByKey) {
            xpByKey.put(key(kind, invitationID), xp == null || xp.isNull() ? JsonNodeFactory.instance.objectNode() : xp.deepCopy());
            xpByKey.notifyAll();
        }
    }

    public void forget(Kind kind, String invitationID) {
        xpByKey.remove(key(kind, invitationID));
    }

    /**
     * Waits until the invitation is recorded (post-webhooks arrive asynchronously), for at most {@code timeout}.
     *
     * @return whether it is recorded
     */
    public boolean await(Kind kind, String invitationID, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (xpByKey) {
            while (!xpByKey.containsKey(key(kind, invitationID))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                xpByKey.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void recordFrom(Kind kind, WebhookEvent event) {
        JsonNode invitation = event.responseJson();
        String id = invitation.path("ID").asText(null);
        if (id == null) {
            LOG.warn("{} carried no invitation ID in Response.Body; nothing recorded", event);
            return;
        }
        record(kind, id, invitation.get("xp"));
        LOG.info("Recorded {} invitation {} from post-webhook {}", kind, id, event.logId());
    }

    private static String key(Kind kind, String invitationID) {
        return kind + ":" + Objects.requireNonNull(invitationID, "invitationID");
    }
}
