package io.orderhooks.engine.internal.store;

import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.AddressAssignment;
import io.orderhooks.core.model.ApiClient;
import io.orderhooks.core.model.ApiClientAssignment;
import io.orderhooks.core.model.ApprovalRule;
import io.orderhooks.core.model.Buyer;
import io.orderhooks.core.model.Catalog;
import io.orderhooks.core.model.GroupOrderInvitation;
import io.orderhooks.core.model.CatalogAssignment;
import io.orderhooks.core.model.IntegrationEvent;
import io.orderhooks.core.model.PriceSchedule;
import io.orderhooks.core.model.Product;
import io.orderhooks.core.model.ProductAssignment;
import io.orderhooks.core.model.ProductCatalogAssignment;
import io.orderhooks.core.model.Promotion;
import io.orderhooks.core.model.PromotionAssignment;
import io.orderhooks.core.model.SecurityProfile;
import io.orderhooks.core.model.SecurityProfileAssignment;
import io.orderhooks.core.model.Shipment;
import io.orderhooks.core.model.Spec;
import io.orderhooks.core.model.SpecOption;
import io.orderhooks.core.model.SpecProductAssignment;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import io.orderhooks.core.model.Supplier;
import io.orderhooks.core.model.User;
import io.orderhooks.core.model.UserGroup;
import io.orderhooks.core.model.UserGroupAssignment;
import io.orderhooks.core.model.Webhook;

/**
 * Every table the engine uses, with how its keys are composed. Scoped resources are keyed
 * {@code ownerID/ID} (owner = buyer or supplier); assignments by all their IDs.
 */
public final class Tables {

    private Tables() {}

    public static final Table<Product> PRODUCTS = Table.of("products", Product.class);
    public static final Table<PriceSchedule> PRICE_SCHEDULES = Table.of("priceschedules", PriceSchedule.class);
    public static final Table<Spec> SPECS = Table.of("specs", Spec.class);
    /** key {@code specID/optionID}. */
    public static final Table<SpecOption> SPEC_OPTIONS = Table.of("specoptions", SpecOption.class);
    /** key {@code specID/productID}. */
    public static final Table<SpecProductAssignment> SPEC_PRODUCTS = Table.of("specproductassignments", SpecProductAssignment.class);
    public static final Table<Catalog> CATALOGS = Table.of("catalogs", Catalog.class);
    /** key {@code catalogID/buyerID}. */
    public static final Table<CatalogAssignment> CATALOG_ASSIGNMENTS = Table.of("catalogassignments", CatalogAssignment.class);
    /** key {@code catalogID/productID}. */
    public static final Table<ProductCatalogAssignment> PRODUCT_CATALOGS = Table.of("productcatalogassignments", ProductCatalogAssignment.class);
    /** key {@code productID/buyerID/userGroupID-or-empty}. */
    public static final Table<ProductAssignment> PRODUCT_ASSIGNMENTS = Table.of("productassignments", ProductAssignment.class);

    public static final Table<Buyer> BUYERS = Table.of("buyers", Buyer.class);
    public static final Table<Supplier> SUPPLIERS = Table.of("suppliers", Supplier.class);
    /** key {@code companyID/userID}; holds the password hash in {@code Password}, never returned. */
    public static final Table<User> USERS = Table.withUniqueLookup("users", User.class, Tables::usernameLookup,
            username -> new io.orderhooks.core.error.OrderCloudException(409, "User.UsernameMustBeUnique",
                    "Username already exists in this Marketplace."));
    /** key {@code companyID/groupID}. */
    public static final Table<UserGroup> USER_GROUPS = Table.of("usergroups", UserGroup.class);
    /** key {@code companyID/groupID/userID}. */
    public static final Table<UserGroupAssignment> USER_GROUP_ASSIGNMENTS = Table.of("usergroupassignments", UserGroupAssignment.class);
    /** key {@code companyID/addressID}. */
    public static final Table<Address> ADDRESSES = Table.of("addresses", Address.class);
    /** key {@code buyerID/addressID/userID-or-empty/groupID-or-empty}. */
    public static final Table<AddressAssignment> ADDRESS_ASSIGNMENTS = Table.of("addressassignments", AddressAssignment.class);
    /** key {@code buyerID/accountID}. */
    public static final Table<SpendingAccount> SPENDING_ACCOUNTS = Table.of("spendingaccounts", SpendingAccount.class);
    /** key {@code buyerID/accountID/userID-or-empty/groupID-or-empty}. */
    public static final Table<SpendingAccountAssignment> SPENDING_ACCOUNT_ASSIGNMENTS = Table.of("spendingaccountassignments", SpendingAccountAssignment.class);

    /** Unique lookup: the code ignoring case (two promotions never share one, {@code Promotion.CodeInUse}). */
    public static final Table<Promotion> PROMOTIONS = Table.withUniqueLookup("promotions", Promotion.class, Tables::codeLookup,
            code -> new io.orderhooks.core.error.OrderCloudException(409, "Promotion.CodeInUse",
                    "This code is already in use on another promotion."));
    /** key {@code promotionID/buyerID/userGroupID-or-empty}. */
    public static final Table<PromotionAssignment> PROMOTION_ASSIGNMENTS = Table.of("promotionassignments", PromotionAssignment.class);
    /** key {@code buyerID/ruleID}. */
    public static final Table<ApprovalRule> APPROVAL_RULES = Table.of("approvalrules", ApprovalRule.class);
    /** key {@code ruleID}: marketplace-level rules ({@code v1/approvalrules}) that apply to every buyer's orders. */
    public static final Table<io.orderhooks.core.model.SellerApprovalRule> SELLER_APPROVAL_RULES =
            Table.of("sellerapprovalrules", io.orderhooks.core.model.SellerApprovalRule.class);

    /** key {@code invitationID} (IDs are global: the token route names only the invitation). */
    public static final Table<GroupOrderInvitation> GROUP_ORDER_INVITATIONS = Table.of("grouporderinvitations", GroupOrderInvitation.class);
    /** key {@code invitationID}: the API client the creator used (contributor tokens default to it; never on the wire). */
    public static final Table<String> GROUP_ORDER_INVITATION_CLIENTS = Table.of("grouporderinvitationclients", String.class);

    public static final Table<Shipment> SHIPMENTS = Table.of("shipments", Shipment.class);

    public static final Table<IntegrationEvent> INTEGRATION_EVENTS = Table.of("integrationevents", IntegrationEvent.class);
    public static final Table<ApiClient> API_CLIENTS = Table.of("apiclients", ApiClient.class);
    /** key {@code apiClientID/buyerID-or-empty/supplierID-or-empty}. */
    public static final Table<ApiClientAssignment> API_CLIENT_ASSIGNMENTS = Table.of("apiclientassignments", ApiClientAssignment.class);
    public static final Table<SecurityProfile> SECURITY_PROFILES = Table.of("securityprofiles", SecurityProfile.class);
    /** key {@code profileID/buyerID/supplierID/userGroupID/userID}, absent parts empty. */
    public static final Table<SecurityProfileAssignment> SECURITY_PROFILE_ASSIGNMENTS = Table.of("securityprofileassignments", SecurityProfileAssignment.class);
    /** key {@code webhookID}; also where message events find their subscribers. */
    public static final Table<Webhook> WEBHOOKS = Table.of("webhooks", Webhook.class);
    /** key {@code buyerID/addressID}, value the owning user's ID: addresses created through {@code v1/me/addresses}. */
    public static final Table<String> PRIVATE_ADDRESSES = Table.of("privateaddresses", String.class);
    /** key {@code supplierID/buyerID}, value the buyer ID: the buyer may order from the supplier. */
    public static final Table<String> SUPPLIER_BUYERS = Table.of("supplierbuyers", String.class);

    /** The lookup of a promotion: its code ignoring case. */
    public static String codeLookup(Promotion p) {
        return p.code() == null ? null : p.code().toLowerCase(java.util.Locale.ROOT);
    }

    /** The lookup of a user: the username ignoring case (usernames are unique across companies). */
    public static String usernameLookup(User u) {
        return u.username() == null ? null : u.username().toLowerCase(java.util.Locale.ROOT);
    }
    /**
     * key {@code companyID/userID}: the user's token version, bumped on deactivation, deletion, password and role
     * changes; tokens carrying an older one are refused. Kept after the user is deleted, so a new user given the
     * same ID never inherits the old tokens.
     */
    public static final Table<Long> USER_TOKEN_VERSIONS = Table.of("usertokenversions", Long.class);
    /** key the anonymous token's reserved order ID ({@code orderid} claim): that anonymous shopper's tokens are revoked. */
    public static final Table<String> REVOKED_ANONYMOUS_TOKENS = Table.of("revokedanonymoustokens", String.class);
    /** key {@code buyerID/costCenterID}. */
    public static final Table<io.orderhooks.core.model.CostCenter> COST_CENTERS = Table.of("costcenters", io.orderhooks.core.model.CostCenter.class);
    /** key {@code buyerID/costCenterID/-/groupID}. */
    public static final Table<io.orderhooks.engine.internal.orgs.ResourceAssignment> COST_CENTER_ASSIGNMENTS =
            Table.of("costcenterassignments", io.orderhooks.engine.internal.orgs.ResourceAssignment.class);
    /** key {@code buyerID/creditCardID}: tokens and display fields only. */
    public static final Table<io.orderhooks.core.model.CreditCard> CREDIT_CARDS = Table.of("creditcards", io.orderhooks.core.model.CreditCard.class);
    /** key {@code buyerID/creditCardID/userID-or-empty/groupID-or-empty}. */
    public static final Table<io.orderhooks.engine.internal.orgs.ResourceAssignment> CREDIT_CARD_ASSIGNMENTS =
            Table.of("creditcardassignments", io.orderhooks.engine.internal.orgs.ResourceAssignment.class);
    /** key {@code buyerID/creditCardID}, value the user who saved it through {@code v1/me/creditcards}. */
    public static final Table<String> PRIVATE_CREDIT_CARDS = Table.of("privatecreditcards", String.class);
    /** key {@code incrementorID}. */
    public static final Table<io.orderhooks.core.model.Incrementor> INCREMENTORS = Table.of("incrementors", io.orderhooks.core.model.Incrementor.class);
    /** key {@code catalogID/categoryID}. */
    public static final Table<io.orderhooks.core.model.Category> CATEGORIES = Table.of("categories", io.orderhooks.core.model.Category.class);
    /** key {@code catalogID/categoryID/buyerID/groupID-or-empty}. */
    public static final Table<io.orderhooks.core.model.CategoryAssignment> CATEGORY_ASSIGNMENTS =
            Table.of("categoryassignments", io.orderhooks.core.model.CategoryAssignment.class);
    /** key {@code catalogID/categoryID/productID}. */
    public static final Table<io.orderhooks.core.model.CategoryProductAssignment> CATEGORY_PRODUCTS =
            Table.of("categoryproductassignments", io.orderhooks.core.model.CategoryProductAssignment.class);

    /** key {@code productID/variantID}. */
    public static final Table<io.orderhooks.core.model.Variant> VARIANTS = Table.of("variants", io.orderhooks.core.model.Variant.class);
    /** key {@code productID/variantID-or-empty/recordID}. */
    public static final Table<io.orderhooks.core.model.InventoryRecord> INVENTORY_RECORDS =
            Table.of("inventoryrecords", io.orderhooks.core.model.InventoryRecord.class);
    /** key {@code productID/variantID-or-empty/recordID/buyerID/groupID-or-empty}. */
    public static final Table<io.orderhooks.core.model.InventoryRecordAssignment> INVENTORY_RECORD_ASSIGNMENTS =
            Table.of("inventoryrecordassignments", io.orderhooks.core.model.InventoryRecordAssignment.class);

    /** key {@code productFacetID}. */
    public static final Table<io.orderhooks.core.model.ProductFacet> PRODUCT_FACETS =
            Table.of("productfacets", io.orderhooks.core.model.ProductFacet.class);
    /** key {@code thingType/key}. */
    public static final Table<io.orderhooks.core.model.XpIndex> XP_INDICES = Table.of("xpindices", io.orderhooks.core.model.XpIndex.class);

    /** {@code ""} for null, so optional parts of a key stay positional. */
    public static String part(String s) {
        return s == null ? "" : s;
    }
}
