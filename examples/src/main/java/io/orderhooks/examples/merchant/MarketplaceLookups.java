package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.webhooks.WebhookEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the pre-webhook guards read from the marketplace's API, always as the user the webhook is about (with
 * the payload's {@code UserToken}), so they see exactly what that user may see and need no credentials of
 * their own. {@link ApiLookups} implements it over HTTP; tests pass fakes.
 *
 * <p>Implementations are thread-safe and may block; a failure is an
 * {@link io.orderhooks.core.error.OrderCloudException}, which blocks the request with its code and message.
 */
public interface MarketplaceLookups {

    /** The calling user ({@code GET v1/me}): {@code ID}, {@code Username}, {@code Email}, ... */
    JsonNode currentUser(WebhookEvent event);

    /** The line items of order {@code orderID} the caller can see ({@code v1/orders/{direction}/{orderID}/lineitems}). */
    List<LineItem> orderLines(WebhookEvent event, String direction, String orderID);

    /**
     * The line items of the caller's current cart ({@code v1/cart/lineitems}); for a group-order contributor, the
     * lines of its invitation, which is all such a token may read.
     */
    List<LineItem> cartLines(WebhookEvent event);

    /** The unit price the caller would pay for {@code quantity} of {@code productID} with {@code specs}. */
    BigDecimal unitPrice(WebhookEvent event, String productID, int quantity, List<LineItemSpec> specs);
}
