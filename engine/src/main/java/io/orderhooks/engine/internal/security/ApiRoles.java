package io.orderhooks.engine.internal.security;

import io.orderhooks.core.error.OrderCloudException;
import java.util.Collection;
import java.util.Set;

/**
 * OrderCloud's API role names (the {@code ApiRole} enum of the official SDK), plus orderhooks' own
 * {@code DeliveryLogReader} and {@code DeliveryLogAdmin} for the delivery log endpoints.
 */
public final class ApiRoles {

    private ApiRoles() {}

    public static final Set<String> ALL = Set.of(("ApiClientAdmin ApiClientReader AddressAdmin AddressReader "
            + "AdminAddressAdmin AdminAddressReader AdminUserAdmin AdminUserGroupAdmin AdminUserGroupReader "
            + "AdminUserReader ApprovalRuleAdmin ApprovalRuleReader BundleAdmin BundleAssignmentAdmin BundleReader "
            + "BuyerAdmin BuyerImpersonation BuyerReader BuyerUserAdmin BuyerUserReader CatalogAdmin CatalogReader "
            + "CategoryAdmin CategoryReader CostCenterAdmin CostCenterReader CreditCardAdmin CreditCardReader "
            + "EntitySyncConfigAdmin FullAccess IncrementorAdmin IncrementorReader LocaleReader LocaleAdmin "
            + "MeAddressAdmin MeAdmin MeCreditCardAdmin MessageConfigAssignmentAdmin MeSubscriptionAdmin MeXpAdmin "
            + "OrderAdmin OrderReader OverrideShipping OverrideTax OverrideUnitPrice PasswordReset PriceScheduleAdmin "
            + "PriceScheduleReader ProductAdmin ProductAssignmentAdmin ProductCollectionReader ProductFacetAdmin "
            + "ProductFacetReader ProductReader ProductSyncConfigAdmin PromotionAdmin PromotionReader "
            + "SecurityProfileAdmin SecurityProfileReader SetSecurityProfile ShipmentAdmin ShipmentReader Shopper "
            + "SpendingAccountAdmin SpendingAccountReader SubscriptionAdmin SubscriptionReader SupplierAddressAdmin "
            + "SupplierAddressReader SupplierAdmin SupplierReader SupplierUserAdmin SupplierUserGroupAdmin "
            + "SupplierUserGroupReader SupplierUserReader UnsubmittedOrderReader UserGroupAdmin UserGroupReader "
            + "OpenIDConnectReader OpenIDConnectAdmin MessageSenderReader MessageSenderAdmin XpIndexAdmin "
            + "WebhookReader WebhookAdmin IntegrationEventReader IntegrationEventAdmin TrackingEventReader "
            + "TrackingEventAdmin DeliveryConfigAdmin OrderSyncConfigAdmin ErrorConfigAdmin "
            + "DeliveryLogReader DeliveryLogAdmin").split(" "));

    /** @throws OrderCloudException 400 {@code ValidationFailure} naming the field and the unknown role */
    public static void requireKnown(String field, Collection<String> roles) {
        if (roles == null) {
            return;
        }
        for (String role : roles) {
            if (!ALL.contains(role)) {
                throw OrderCloudException.validation(field + ": '" + role + "' is not an API role");
            }
        }
    }
}
