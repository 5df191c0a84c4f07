package io.orderhooks.engine.internal.grouporders;

import io.orderhooks.engine.internal.Caller;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a group-order contributor token must carry ({@link GroupOrderService#contributorGrant}).
 *
 * <p>orderhooks' choice (OrderCloud does not name the role): the token is a buyer-type token of the order
 * creator's buyer, for a synthetic user {@code grouporder-{invitationID}} (never the creator), with roles
 * {@code Shopper} (so the cart and {@code me/products} routes admit it) and the marker
 * {@link Contributors#ROLE}, plus the invitation and order IDs. The engine, not the role, limits it to its order.
 *
 * @param username the token's {@code usr} claim
 * @param userID the synthetic contributor user ID ({@code uid})
 * @param buyerID the order creator's buyer ({@code cmp})
 * @param roles {@code Shopper} and {@link Contributors#ROLE}
 * @param invitationID the invitation ({@code invid})
 * @param orderID the order ({@code orderid})
 * @param validUntil the invitation's expiration: a token must not outlive it
 * @param creatorClientID the API client the creator used to create the invitation (null if none): the token's
 *     client when the contributor brings none, so the merchant's webhooks for that client fire for contributors
 */
public record ContributorGrant(String username, String userID, String buyerID, List<String> roles,
        String invitationID, String orderID, OffsetDateTime validUntil, String creatorClientID) {

    public ContributorGrant {
        roles = List.copyOf(roles);
    }

    /** The engine caller such a token stands for, through API client {@code clientID}. */
    public Caller caller(String clientID) {
        return Caller.contributor(userID, buyerID, clientID, invitationID, orderID, roles.toArray(String[]::new));
    }
}
