package io.orderhooks.examples.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.model.PreWebhookResponse;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.webhooks.PreWebhookHandler;
import io.orderhooks.webhooks.WebhookEvent;
import io.orderhooks.webhooks.WebhooksDispatcherBuilder;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A pre-webhook on accepting a product-collection invitation: only the people the owner meant may accept.
 *
 * <p>The owner states who in the invitation's {@code xp}: {@code "Email": "pat@example.com"} (that address
 * only) or {@code "EmailDomain": "example.com"} (any address at that domain); {@code Email} wins when both are
 * set, and an invitation with neither is open to anyone the platform allows. The invitation's {@code xp} comes
 * from the {@link InvitationDirectory}; the accepting user's email from {@code GET v1/me} with the payload's
 * {@code UserToken} ({@link MarketplaceLookups#currentUser}). Addresses compare case-insensitively. A refusal
 * reads, e.g., {@code This invitation is for example.com addresses; kim@other.org cannot accept it}.
 *
 * <p>An invitation the directory never saw (created while the middleware was down) is refused, since its
 * restriction cannot be checked, unless built {@link #allowingUnknownInvitations()}. Thread-safe.
 */
public final class InvitationGuard implements PreWebhookHandler {

    /** The route and verb to subscribe as a pre-webhook ({@code BeforeProcessRequest: true}). */
    public static final WebhookRoute ROUTE = new WebhookRoute(
            "v1/me/productcollections/{productCollectionID}/invitations/accept/{invitationID}", "POST");

    private final InvitationDirectory directory;
    private final MarketplaceLookups lookups;
    private final boolean allowUnknown;

    public InvitationGuard(InvitationDirectory directory, MarketplaceLookups lookups) {
        this(directory, lookups, false);
    }

    private InvitationGuard(InvitationDirectory directory, MarketplaceLookups lookups, boolean allowUnknown) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.allowUnknown = allowUnknown;
    }

    /** A guard that lets invitations unknown to the directory through instead of refusing them. */
    public InvitationGuard allowingUnknownInvitations() {
        return new InvitationGuard(directory, lookups, true);
    }

    /** Registers this guard on {@code preHooks} for {@link #ROUTE}. */
    public WebhooksDispatcherBuilder registerInto(WebhooksDispatcherBuilder preHooks) {
        return preHooks.preHook(ROUTE.verb(), ROUTE.route(), this);
    }

    @Override
    public PreWebhookResponse before(WebhookEvent event) {
        String invitationID = event.routeParam("invitationID");
        Optional<JsonNode> xp = directory.xpOf(InvitationDirectory.Kind.PRODUCT_COLLECTION, invitationID);
        if (xp.isEmpty()) {
            return allowUnknown ? PreWebhookResponse.proceed() : PreWebhookResponse.block("Invitation " + invitationID
                    + " is not on record with the merchant, so who may accept it cannot be checked; ask the"
                    + " collection's owner for a new invitation");
        }
        String email = text(xp.get(), "Email");
        String domain = email != null ? null : text(xp.get(), "EmailDomain");
        if (email == null && domain == null) {
            return PreWebhookResponse.proceed();
        }
        String intended = email != null ? email : domainOf("@" + domain) + " addresses";
        JsonNode user = lookups.currentUser(event);
        String userEmail = text(user, "Email");
        if (userEmail == null) {
            return PreWebhookResponse.block("This invitation is for " + intended + "; user "
                    + user.path("Username").asText(user.path("ID").asText("?")) + " has no email address, so cannot accept it");
        }
        boolean matches = email != null ? email.trim().equalsIgnoreCase(userEmail.trim())
                : domainOf(userEmail).equals(domainOf("@" + domain));
        return matches ? PreWebhookResponse.proceed()
                : PreWebhookResponse.block("This invitation is for " + intended + "; " + userEmail + " cannot accept it");
    }

    /** The lower-case part after the last {@code @}, without a leading {@code @} the owner may have typed. */
    private static String domainOf(String address) {
        String trimmed = address.trim();
        String domain = trimmed.substring(trimmed.lastIndexOf('@') + 1);
        return domain.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
