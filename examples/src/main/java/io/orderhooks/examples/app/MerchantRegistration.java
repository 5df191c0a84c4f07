package io.orderhooks.examples.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.model.WebhookRoute;
import io.orderhooks.examples.client.OrderCloudClient;
import io.orderhooks.examples.merchant.GroupOrderSpendingCap;
import io.orderhooks.examples.merchant.InvitationDirectory;
import io.orderhooks.examples.merchant.InvitationGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a merchant registers on the marketplace (OrderCloud or the engine) to plug in its middleware: the
 * checkout integration event, the storefront API client that uses it, and a pre- and a post-webhook for the
 * routes the middleware serves ({@link #demo} gives the example merchant's invitation guards and directory). The records are exactly the bodies of {@code POST v1/integrationEvents},
 * {@code POST v1/apiclients} and {@code POST v1/webhooks}.
 *
 * @param apiBaseUrl the marketplace API's URL, handed to the webhooks as {@code ConfigData.ApiBaseUrl}
 * @param integrationUrl the integration event's {@code CustomImplementationUrl}
 * @param hashKey the integration event's {@code HashKey}
 * @param preWebhookUrl where the pre-webhooks go; null to register none
 * @param preRoutes the routes of the pre-webhook; none registers no pre-webhook
 * @param postWebhookUrl where the post-webhooks go; null to register none
 * @param postRoutes the routes of the post-webhook; none registers no post-webhook
 * @param webhookHashKey the webhooks' {@code HashKey}
 * @param storefrontClientID the buyer storefront's API client, which the events and webhooks fire for
 */
public record MerchantRegistration(String apiBaseUrl, String integrationUrl, String hashKey, String preWebhookUrl,
        List<WebhookRoute> preRoutes, String postWebhookUrl, List<WebhookRoute> postRoutes, String webhookHashKey,
        String storefrontClientID) {

    public static final String INTEGRATION_EVENT_ID = "merchant-checkout";
    public static final String PRE_WEBHOOK_ID = "merchant-guards";
    public static final String POST_WEBHOOK_ID = "merchant-invitation-directory";

    public MerchantRegistration {
        Objects.requireNonNull(storefrontClientID, "storefrontClientID");
        preRoutes = preRoutes == null ? List.of() : List.copyOf(preRoutes);
        postRoutes = postRoutes == null ? List.of() : List.copyOf(postRoutes);
        if (integrationUrl != null && (hashKey == null || hashKey.isBlank())) {
            throw new IllegalArgumentException("an integration URL needs a hash key");
        }
        if ((preWebhookUrl != null || postWebhookUrl != null) && (webhookHashKey == null || webhookHashKey.isBlank())) {
            throw new IllegalArgumentException("webhook URLs need a webhook hash key");
        }
    }

    /** The example merchant's registration: its invitation guards (pre) and invitation directory (post). */
    public static MerchantRegistration demo(String apiBaseUrl, String integrationUrl, String hashKey, String preWebhookUrl,
            String postWebhookUrl, String webhookHashKey, String storefrontClientID) {
        List<WebhookRoute> guards = new ArrayList<>();
        guards.add(InvitationGuard.ROUTE);
        guards.addAll(GroupOrderSpendingCap.ROUTES);
        return new MerchantRegistration(apiBaseUrl, integrationUrl, hashKey, preWebhookUrl, guards, postWebhookUrl,
                InvitationDirectory.ROUTES, webhookHashKey, storefrontClientID);
    }

    /** The integration event, or null without an integration URL. */
    public IntegrationEvent integrationEvent() {
        if (integrationUrl == null) {
            return null;
        }
        return IntegrationEvent.builder().id(INTEGRATION_EVENT_ID).name("Merchant checkout (tax, shipping, export)")
                .eventType("OrderCheckout").customImplementationUrl(integrationUrl).hashKey(hashKey)
                .configData(JsonNodeFactory.instance.objectNode()).build();
    }

    /** The storefront client: any buyer may log in through it; checkout goes to the integration event. */
    public ApiClient storefrontClient() {
        return ApiClient.builder().id(storefrontClientID).appName("Storefront").active(true).allowAnyBuyer(true)
                .accessTokenDuration(600).refreshTokenDuration(1440)
                .orderCheckoutIntegrationEventID(integrationUrl == null ? null : INTEGRATION_EVENT_ID).build();
    }

    /** The webhooks to register: pre and post, each when its URL is set and it has routes. */
    public List<Webhook> webhooks() {
        List<Webhook> hooks = new ArrayList<>();
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (apiBaseUrl != null) {
            config.put("ApiBaseUrl", apiBaseUrl);
        }
        if (preWebhookUrl != null && !preRoutes.isEmpty()) {
            hooks.add(webhook(PRE_WEBHOOK_ID, "Merchant pre-webhooks", preWebhookUrl, true, preRoutes, config));
        }
        if (postWebhookUrl != null && !postRoutes.isEmpty()) {
            hooks.add(webhook(POST_WEBHOOK_ID, "Merchant post-webhooks", postWebhookUrl, false, postRoutes, config));
        }
        return hooks;
    }

    /**
     * Registers everything over the marketplace's API ({@code PUT v1/integrationEvents/{id}},
     * {@code v1/apiclients/{id}}, {@code v1/webhooks/{id}}) with an admin token, exactly as a merchant would against
     * OrderCloud. Replaces what exists, so registering again (an engine restarted on its data) changes nothing else.
     */
    public void registerWith(OrderCloudClient api, String adminToken) {
        IntegrationEvent event = integrationEvent();
        if (event != null) {
            save(api, adminToken, "v1/integrationEvents", event.id(), event);
        }
        ApiClient client = storefrontClient();
        save(api, adminToken, "v1/apiclients", client.id(), client);
        webhooks().forEach(hook -> save(api, adminToken, "v1/webhooks", hook.id(), hook));
    }

    /**
     * {@code PUT collection/id}, or {@code POST collection} when there is nothing to replace yet; when that POST
     * loses a race ({@code IdExists}: another engine instance starting at the same time created it) the PUT again.
     */
    private static void save(OrderCloudClient api, String adminToken, String collection, String id, Object body) {
        try {
            api.put(collection + "/" + id, adminToken, body);
        } catch (io.orderhooks.core.error.OrderCloudException e) {
            if (e.status() != 404) {
                throw e;
            }
            try {
                api.post(collection, adminToken, body);
            } catch (io.orderhooks.core.error.OrderCloudException raced) {
                if (!"IdExists".equals(raced.errorCode())) {
                    throw raced;
                }
                api.put(collection + "/" + id, adminToken, body);
            }
        }
    }

    private Webhook webhook(String id, String name, String url, boolean pre, List<WebhookRoute> routes, ObjectNode config) {
        return new Webhook(id, name, null, url, webhookHashKey, List.of(), config.deepCopy(), pre,
                List.of(storefrontClientID), List.copyOf(routes), null, null, null, null);
    }
}
