package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.LineItem;
import io.orderhooks.core.model.LineItemSpec;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.PreWebhookHandler;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pre-webhook on a group-order contributor's line items: a contributor may not take their invitation past
 * the budget its creator set in the invitation's {@code xp.Budget} (a number or a decimal string, in the
 * order's currency).
 *
 * <p>On adding or changing a line (see {@link #ROUTES}) through a contributor token (claim {@code invid}), the
 * invitation's spend after the change is the {@code LineTotal} of its other lines on the order (those with its
 * {@code InvitationID}, read with the contributor's token from {@code v1/cart/lineitems} on the cart routes,
 * the only lines a contributor token may read there) plus the new line's unit price x quantity (price
 * from {@link MarketplaceLookups#unitPrice}); a PATCH keeps the line's product, quantity and specs where the
 * body leaves them out. Over budget, the change is refused: {@code Adding this would bring invitation inv-1 to
 * $52.50, over its $40.00 budget}. Other callers, invitations without a budget, and removals pass. An
 * invitation the {@link InvitationDirectory} never saw is refused unless built
 * {@link #allowingUnknownInvitations()}. Thread-safe.
 */
public final class GroupOrderSpendingCap implements PreWebhookHandler {

    private static final String ORDER_LINES = "v1/orders/{direction}/{orderID}/lineitems";
    private static final String CART_LINES = "v1/cart/lineitems";

    /** The routes and verbs to subscribe as pre-webhooks ({@code BeforeProcessRequest: true}). */
    public static final List<WebhookRoute> ROUTES = List.of(
            new WebhookRoute(ORDER_LINES, "POST"), new WebhookRoute(ORDER_LINES + "/{lineItemID}", "PATCH"),
            new WebhookRoute(ORDER_LINES + "/{lineItemID}", "PUT"), new WebhookRoute(CART_LINES, "POST"),
            new WebhookRoute(CART_LINES + "/{lineItemID}", "PATCH"), new WebhookRoute(CART_LINES + "/{lineItemID}", "PUT"));

    private final InvitationDirectory directory;
    private final MarketplaceLookups lookups;
    private final boolean allowUnknown;

    public GroupOrderSpendingCap(InvitationDirectory directory, MarketplaceLookups lookups) {
        this(directory, lookups, false);
    }

    private GroupOrderSpendingCap(InvitationDirectory directory, MarketplaceLookups lookups, boolean allowUnknown) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.allowUnknown = allowUnknown;
    }

    /** A cap that lets contributors of invitations unknown to the directory through instead of refusing them. */
    public GroupOrderSpendingCap allowingUnknownInvitations() {
        return new GroupOrderSpendingCap(directory, lookups, true);
    }

    /** Registers this cap on {@code preHooks} for every route of {@link #ROUTES}. */
    public WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder preHooks) {
        ROUTES.forEach(r -> preHooks.preHook(r.verb(), r.route(), this));
        return preHooks;
    }

    @Override
    public PreWebhookResponse before(WebhookEvent event) {
        ContributorClaims claims = ContributorClaims.decode(event.payload().userToken());
        String invitationID = claims.invitationID();
        if (invitationID == null) {
            return PreWebhookResponse.proceed();
        }
        Optional<JsonNode> xp = directory.xpOf(InvitationDirectory.Kind.GROUP_ORDER, invitationID);
        if (xp.isEmpty()) {
            return allowUnknown ? PreWebhookResponse.proceed() : PreWebhookResponse.block("Invitation " + invitationID
                    + " is not on record with the merchant, so its budget cannot be checked; ask the order's creator"
                    + " for a new invitation");
        }
        Optional<BigDecimal> budget = budget(xp.get(), invitationID);
        if (budget.isEmpty()) {
            return PreWebhookResponse.proceed();
        }
        boolean cart = event.template().toString().startsWith(CART_LINES);
        String changedLineID = event.routeParams().get("lineItemID");
        List<LineItem> lines = cart ? lookups.cartLines(event)
                : lookups.orderLines(event, event.routeParam("direction"), event.routeParam("orderID"));
        BigDecimal others = lines.stream()
                .filter(l -> invitationID.equals(l.invitationID()) && !Objects.equals(l.id(), changedLineID))
                .map(LineAmounts::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        LineItem changed = lines.stream().filter(l -> Objects.equals(l.id(), changedLineID)).findFirst().orElse(null);
        BigDecimal total = others.add(newLineAmount(event, changed));
        if (total.compareTo(budget.get()) > 0) {
            return PreWebhookResponse.block("Adding this would bring invitation " + invitationID + " to " + money(total)
                    + ", over its " + money(budget.get()) + " budget");
        }
        return PreWebhookResponse.proceed();
    }

    private BigDecimal newLineAmount(WebhookEvent event, LineItem existing) {
        JsonNode body = event.bodyJson();
        String productID = body.path("ProductID").isTextual() ? body.path("ProductID").asText()
                : existing == null ? null : existing.productID();
        int quantity = body.path("Quantity").isInt() ? body.path("Quantity").asInt()
                : existing == null || existing.quantity() == null ? 1 : existing.quantity();
        List<LineItemSpec> specs = body.has("Specs") ? event.body(LineItemRequest.class).specs()
                : existing == null ? List.of() : existing.specs();
        if (productID == null) {
            return BigDecimal.ZERO;
        }
        return lookups.unitPrice(event, productID, quantity, specs == null ? List.of() : specs)
                .multiply(BigDecimal.valueOf(quantity));
    }

    /** The part of a line-item request body the cap reads. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record LineItemRequest(@com.fasterxml.jackson.annotation.JsonProperty("Specs") List<LineItemSpec> specs) {}

    private static Optional<BigDecimal> budget(JsonNode xp, String invitationID) {
        JsonNode budget = xp.path("Budget");
        if (budget.isNumber()) {
            return Optional.of(budget.decimalValue());
        }
        if (budget.isTextual()) {
            try {
                return Optional.of(new BigDecimal(budget.asText().trim()));
            } catch (NumberFormatException e) {
                throw new io.orderhooks.core.error.OrderCloudException(400, "GroupOrder.InvalidBudget", "Invitation "
                        + invitationID + " has xp.Budget '" + budget.asText() + "', which is not a decimal amount");
            }
        }
        return Optional.empty();
    }

    private static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
