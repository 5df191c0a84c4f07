package io.orderhooks.engine.internal;

import io.orderhooks.engine.internal.approvals.ApprovalPolicy;
import io.orderhooks.engine.internal.approvals.ApprovalRuleService;
import io.orderhooks.engine.internal.approvals.ExpressionApprovalPolicy;
import io.orderhooks.engine.internal.approvals.OrderApprovalService;
import io.orderhooks.engine.internal.catalog.CatalogService;
import io.orderhooks.engine.internal.checkout.CheckoutService;
import io.orderhooks.engine.internal.checkout.SubmitCheck;
import io.orderhooks.engine.internal.checkout.SubmitChecks;
import io.orderhooks.engine.internal.checkout.SubmitService;
import io.orderhooks.engine.internal.grouporders.GroupOrderService;
import io.orderhooks.engine.internal.fulfillment.BuyerShipments;
import io.orderhooks.engine.internal.fulfillment.ForwardingService;
import io.orderhooks.engine.internal.fulfillment.OrderFulfillmentService;
import io.orderhooks.engine.internal.fulfillment.ShipmentService;
import io.orderhooks.engine.internal.collections.ProductCollectionInvitationService;
import io.orderhooks.engine.internal.collections.ProductCollectionReaderService;
import io.orderhooks.engine.internal.collections.ProductCollectionService;
import io.orderhooks.engine.internal.integrations.IntegrationService;
import io.orderhooks.engine.internal.messages.MessageSender;
import io.orderhooks.engine.internal.orders.LineItemService;
import io.orderhooks.engine.internal.orders.LineMerger;
import io.orderhooks.engine.internal.orders.OrderService;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.engine.internal.orgs.OrgService;
import io.orderhooks.engine.internal.orgs.PasswordHasher;
import io.orderhooks.engine.internal.orgs.SpendingAccountService;
import io.orderhooks.engine.internal.payments.PaymentService;
import io.orderhooks.engine.internal.promotions.ExpressionPromotionCalculator;
import io.orderhooks.engine.internal.promotions.ProductXpCategories;
import io.orderhooks.engine.internal.promotions.PromotionCalculator;
import io.orderhooks.engine.internal.promotions.PromotionService;
import io.orderhooks.engine.internal.sharedcarts.PurgeNoticeSender;
import io.orderhooks.engine.internal.sharedcarts.SharedCartPurger;
import io.orderhooks.engine.internal.sharedcarts.SharedCartService;
import io.orderhooks.engine.internal.sharedcarts.SharedCartSettingsService;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.spi.CheckoutIntegration;
import io.orderhooks.engine.spi.DeliveryOutcome;
import io.orderhooks.engine.spi.WebhookSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The order engine: every service wired over one {@link Store}, {@link Clock} and set of ports. Build one with
 * {@link #builder()}; the engine and its services are immutable and thread-safe.
 *
 * <pre>{@code Engine e = Engine.builder().clock(clock).checkoutIntegration(fake).build();}</pre>
 */
public final class Engine {

    private final EngineContext context;
    private final io.orderhooks.core.observe.Observer observer;
    private final CatalogService catalog;
    private final OrgService orgs;
    private final AddressService addresses;
    private final SpendingAccountService spendingAccounts;
    private final PromotionService promotions;
    private final ApprovalRuleService approvalRules;
    private final OrderService orders;
    private final LineItemService lineItems;
    private final PaymentService payments;
    private final IntegrationService integrations;
    private final CheckoutService checkout;
    private final SubmitService submit;
    private final GroupOrderService groupOrders;
    private final io.orderhooks.engine.internal.security.SecurityProfileService securityProfiles;
    private final io.orderhooks.engine.internal.integrations.WebhookService webhooks;
    private final SharedCartSettingsService sharedCartSettings;
    private final SharedCartService sharedCarts;
    private final SharedCartPurger sharedCartPurger;
    private final io.orderhooks.engine.internal.cart.CartService cart;
    private final ForwardingService forwarding;
    private final OrderApprovalService approvals;
    private final ShipmentService shipments;
    private final BuyerShipments buyerShipments;
    private final OrderFulfillmentService fulfillment;
    private final MessageSender messages;
    private final io.orderhooks.engine.internal.messages.MessageSenderService messageSenders;
    private final io.orderhooks.engine.internal.messages.OrderMessages orderMessages;
    private final ProductCollectionService productCollections;
    private final ProductCollectionInvitationService productCollectionInvitations;
    private final ProductCollectionReaderService productCollectionReader;
    private final io.orderhooks.engine.internal.payments.CreditCardService creditCards;
    private final io.orderhooks.engine.internal.orgs.AssignedResources<io.orderhooks.core.model.CostCenter> costCenters;
    private final io.orderhooks.engine.internal.incrementors.IncrementorService incrementors;
    private final io.orderhooks.engine.internal.catalog.CategoryService categories;
    private final io.orderhooks.engine.internal.catalog.VariantService variants;
    private final io.orderhooks.engine.internal.inventory.InventoryRecordService inventoryRecords;
    private final io.orderhooks.engine.internal.returns.OrderReturnService orderReturns;
    private final io.orderhooks.engine.internal.returns.ReturnApprovalService returnApprovals;
    private final io.orderhooks.engine.internal.returns.ReturnLifecycleService returnLifecycle;

    private Engine(Builder b) {
        this.observer = b.observer;
        this.context = new EngineContext(io.orderhooks.engine.internal.orders.ReservingStore.of(b.store, b.clock), b.clock, b.ids, new EngineConfig(b.sellerOrgID, b.environment),
                io.orderhooks.engine.internal.checkout.OutsideTransactions.of(
                        io.orderhooks.engine.internal.checkout.ObservedCheckout.of(b.checkoutIntegration, b.observer), b.store),
                b.webhookSink);
        this.catalog = new CatalogService(context);
        this.orgs = new OrgService(context, b.passwordHasher);
        this.addresses = new AddressService(context);
        this.spendingAccounts = new SpendingAccountService(context);
        this.creditCards = new io.orderhooks.engine.internal.payments.CreditCardService(context);
        this.costCenters = io.orderhooks.engine.internal.orgs.CostCenters.resources(context);
        this.incrementors = new io.orderhooks.engine.internal.incrementors.IncrementorService(context);
        this.categories = new io.orderhooks.engine.internal.catalog.CategoryService(context);
        this.variants = new io.orderhooks.engine.internal.catalog.VariantService(context);
        this.inventoryRecords = new io.orderhooks.engine.internal.inventory.InventoryRecordService(context);
        PromotionCalculator calculator = b.promotionCalculator != null ? b.promotionCalculator
                : new ExpressionPromotionCalculator(new ProductXpCategories(context.store()));
        this.promotions = new PromotionService(context, calculator);
        this.approvalRules = new ApprovalRuleService(context, b.approvalPolicy);
        this.orders = new OrderService(context, orgs, addresses, promotions::refresh);
        this.lineItems = new LineItemService(context, addresses, promotions::refresh);
        this.payments = new PaymentService(context, spendingAccounts, creditCards);
        this.integrations = new IntegrationService(context);
        this.checkout = new CheckoutService(context, integrations);
        List<SubmitCheck> checks = new ArrayList<>(SubmitChecks.defaults(context, promotions));
        checks.addAll(b.extraChecks);
        this.securityProfiles = new io.orderhooks.engine.internal.security.SecurityProfileService(context);
        this.webhooks = new io.orderhooks.engine.internal.integrations.WebhookService(context);
        this.forwarding = new ForwardingService(context);
        this.submit = new SubmitService(context, integrations, spendingAccounts, promotions, b.approvalPolicy, checks, forwarding::autoForward);
        this.approvals = new OrderApprovalService(context, b.approvalPolicy, integrations, spendingAccounts, orgs, forwarding::autoForward);
        this.shipments = new ShipmentService(context);
        this.buyerShipments = new BuyerShipments(context);
        this.fulfillment = new OrderFulfillmentService(context, shipments, spendingAccounts);
        this.messages = b.messageSubscriptions == null ? MessageSender.fromStore(context)
                : new MessageSender(context, b.messageSubscriptions);
        this.messageSenders = new io.orderhooks.engine.internal.messages.MessageSenderService(context);
        this.orderMessages = new io.orderhooks.engine.internal.messages.OrderMessages(context, messages);
        this.productCollections = new ProductCollectionService(context);
        this.productCollectionInvitations = new ProductCollectionInvitationService(context, messages);
        this.productCollectionReader = new ProductCollectionReaderService(context, productCollections);
        this.groupOrders = new GroupOrderService(context);
        this.cart = new io.orderhooks.engine.internal.cart.CartService(context, orders);
        this.sharedCartSettings = new SharedCartSettingsService(context);
        this.sharedCarts = new SharedCartService(context, orders, cart, new LineMerger(context, addresses, promotions::refresh), sharedCartSettings);
        this.orderReturns = new io.orderhooks.engine.internal.returns.OrderReturnService(context);
        this.returnApprovals = new io.orderhooks.engine.internal.returns.ReturnApprovalService(context, b.approvalPolicy, orgs);
        this.returnLifecycle = new io.orderhooks.engine.internal.returns.ReturnLifecycleService(context, integrations, spendingAccounts, returnApprovals);
        this.sharedCartPurger = new SharedCartPurger(context, sharedCartSettings,
                b.purgeNoticeSender != null ? b.purgeNoticeSender : PurgeNoticeSender.messages(messages, context.config().sellerOrgID()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public EngineContext context() { return context; }
    /** Told of checkout calls, order transitions and token grants ({@code EngineEvent}). */
    public io.orderhooks.core.observe.Observer observer() { return observer; }
    public CatalogService catalog() { return catalog; }
    public OrgService orgs() { return orgs; }
    public AddressService addresses() { return addresses; }
    public SpendingAccountService spendingAccounts() { return spendingAccounts; }
    public io.orderhooks.engine.internal.payments.CreditCardService creditCards() { return creditCards; }
    public io.orderhooks.engine.internal.orgs.AssignedResources<io.orderhooks.core.model.CostCenter> costCenters() { return costCenters; }
    public io.orderhooks.engine.internal.incrementors.IncrementorService incrementors() { return incrementors; }
    public io.orderhooks.engine.internal.catalog.CategoryService categories() { return categories; }
    public io.orderhooks.engine.internal.catalog.VariantService variants() { return variants; }
    public io.orderhooks.engine.internal.inventory.InventoryRecordService inventoryRecords() { return inventoryRecords; }
    public PromotionService promotions() { return promotions; }
    public ApprovalRuleService approvalRules() { return approvalRules; }
    public OrderService orders() { return orders; }
    public LineItemService lineItems() { return lineItems; }
    public PaymentService payments() { return payments; }
    public IntegrationService integrations() { return integrations; }
    public CheckoutService checkout() { return checkout; }
    public SubmitService submit() { return submit; }
    public GroupOrderService groupOrders() { return groupOrders; }
    public io.orderhooks.engine.internal.security.SecurityProfileService securityProfiles() { return securityProfiles; }
    public io.orderhooks.engine.internal.integrations.WebhookService webhooks() { return webhooks; }
    public SharedCartSettingsService sharedCartSettings() { return sharedCartSettings; }
    public SharedCartService sharedCarts() { return sharedCarts; }
    /** The shared-cart purge job: call {@code purgeDue()} from a scheduler. */
    public SharedCartPurger sharedCartPurger() { return sharedCartPurger; }
    /** The caller's current cart ({@code v1/cart}). */
    public io.orderhooks.engine.internal.cart.CartService cart() { return cart; }
    /** Split and forward to suppliers; auto-forward after submit/approval. */
    public ForwardingService forwarding() { return forwarding; }
    /** Approve / decline, approvals and eligible approvers of an order. */
    public OrderApprovalService approvals() { return approvals; }
    public ShipmentService shipments() { return shipments; }
    /** Shipments of an order and {@code me/shipments}. */
    public BuyerShipments buyerShipments() { return buyerShipments; }
    /** Ship, complete and cancel. */
    public OrderFulfillmentService fulfillment() { return fulfillment; }
    /** The one notification path (message senders and {@code MESSAGE} webhooks). */
    public MessageSender messages() { return messages; }
    /** {@code v1/messagesenders}: senders, assignments, CC listeners. */
    public io.orderhooks.engine.internal.messages.MessageSenderService messageSenders() { return messageSenders; }
    /** Order notifications (submitted, approved, declined, shipment created). */
    public io.orderhooks.engine.internal.messages.OrderMessages orderMessages() { return orderMessages; }
    public ProductCollectionService productCollections() { return productCollections; }
    public ProductCollectionInvitationService productCollectionInvitations() { return productCollectionInvitations; }
    public ProductCollectionReaderService productCollectionReader() { return productCollectionReader; }
    /** Order returns: create, read, change, delete ({@code v1/orderreturns}). */
    public io.orderhooks.engine.internal.returns.OrderReturnService orderReturns() { return orderReturns; }
    /** Approve / decline, approvals and eligible approvers of an order return. */
    public io.orderhooks.engine.internal.returns.ReturnApprovalService returnApprovals() { return returnApprovals; }
    /** Submit (with the OrderReturn integration event), cancel and complete (refund) an order return. */
    public io.orderhooks.engine.internal.returns.ReturnLifecycleService returnLifecycle() { return returnLifecycle; }

    /** Collects the engine's parts; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private Store store = new InMemoryStore();
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.random();
        private String sellerOrgID = "seller";
        private String environment = "Sandbox";
        private CheckoutIntegration checkoutIntegration = call -> new DeliveryOutcome.Unreachable("no checkout integration configured", java.time.Duration.ZERO);
        private WebhookSink webhookSink = WebhookSink.NONE;
        private io.orderhooks.core.observe.Observer observer = io.orderhooks.core.observe.Observer.NONE;
        /** null = the expression language over this engine's catalog ({@link ExpressionPromotionCalculator}). */
        private PromotionCalculator promotionCalculator;
        private ApprovalPolicy approvalPolicy = new ExpressionApprovalPolicy();
        private PasswordHasher passwordHasher = new PasswordHasher();
        private final List<SubmitCheck> extraChecks = new ArrayList<>();
        /** null = {@code SharedCartPurgeImminent} message events through {@link MessageSender}. */
        private PurgeNoticeSender purgeNoticeSender;
        private java.util.function.Supplier<List<io.orderhooks.core.model.Webhook>> messageSubscriptions;

        private Builder() {}

        public Builder store(Store store) { this.store = Objects.requireNonNull(store, "store"); return this; }
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }
        public Builder ids(IdGenerator ids) { this.ids = Objects.requireNonNull(ids, "ids"); return this; }
        public Builder sellerOrgID(String id) { this.sellerOrgID = Objects.requireNonNull(id, "sellerOrgID"); return this; }
        public Builder environment(String env) { this.environment = Objects.requireNonNull(env, "environment"); return this; }
        public Builder checkoutIntegration(CheckoutIntegration c) { this.checkoutIntegration = Objects.requireNonNull(c, "checkoutIntegration"); return this; }
        public Builder webhookSink(WebhookSink w) { this.webhookSink = Objects.requireNonNull(w, "webhookSink"); return this; }
        /** Told of checkout calls, order transitions and token grants; must not block. Default: none. */
        public Builder observer(io.orderhooks.core.observe.Observer o) { this.observer = Objects.requireNonNull(o, "observer"); return this; }
        /** Replaces the default {@link ExpressionPromotionCalculator} ({@code PromotionCalculator.NONE} turns promotions off). */
        public Builder promotionCalculator(PromotionCalculator p) { this.promotionCalculator = Objects.requireNonNull(p, "promotionCalculator"); return this; }
        /** Replaces the default {@link ExpressionApprovalPolicy} ({@code ApprovalPolicy.NONE}: no rule ever holds an order). */
        public Builder approvalPolicy(ApprovalPolicy p) { this.approvalPolicy = Objects.requireNonNull(p, "approvalPolicy"); return this; }
        public Builder passwordHasher(PasswordHasher h) { this.passwordHasher = Objects.requireNonNull(h, "passwordHasher"); return this; }
        /** Replaces how shared-cart purge notices are delivered (default: message events through the webhook sink). */
        public Builder purgeNoticeSender(PurgeNoticeSender s) { this.purgeNoticeSender = Objects.requireNonNull(s, "purgeNoticeSender"); return this; }
        /**
         * Where message events find subscribed webhooks (default: the store's {@code webhooks} table); the API
         * passes the same source its webhook firing uses.
         */
        public Builder messageSubscriptions(java.util.function.Supplier<List<io.orderhooks.core.model.Webhook>> s) {
            this.messageSubscriptions = Objects.requireNonNull(s, "messageSubscriptions");
            return this;
        }
        /** Adds a submit check that runs after the built-in ones. */
        public Builder addSubmitCheck(SubmitCheck c) { this.extraChecks.add(Objects.requireNonNull(c, "submitCheck")); return this; }

        public Engine build() {
            new EngineConfig(sellerOrgID, environment);
            return new Engine(this);
        }
    }
}
