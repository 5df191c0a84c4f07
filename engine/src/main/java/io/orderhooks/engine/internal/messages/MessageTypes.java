package io.orderhooks.engine.internal.messages;

import java.util.Set;

/** The message types a message sender may list: OrderCloud's ({@code MessageType} of SDK 12) and the engine's own. */
public final class MessageTypes {

    private MessageTypes() {}

    public static final String ORDER_SUBMITTED = "OrderSubmitted";
    public static final String ORDER_APPROVED = "OrderApproved";
    public static final String ORDER_DECLINED = "OrderDeclined";
    public static final String SHIPMENT_CREATED = "ShipmentCreated";
    public static final String FORGOTTEN_PASSWORD = "ForgottenPassword";
    public static final String FORGOTTEN_USERNAME = "ForgottenUsername";
    public static final String NEW_USER_INVITATION = "NewUserInvitation";

    /** Every type OrderCloud declares, plus the engine's {@code SharedCartPurgeImminent}. */
    public static final Set<String> KNOWN = Set.of("OrderDeclined", "OrderSubmitted", "ShipmentCreated",
            "ForgottenPassword", "ForgottenUsername", "OrderSubmittedForYourApproval", "OrderSubmittedForApproval",
            "OrderApproved", "OrderSubmittedForYourApprovalHasBeenApproved", "OrderSubmittedForYourApprovalHasBeenDeclined",
            "NewUserInvitation", "OrderReturnDeclined", "OrderReturnSubmitted", "OrderReturnSubmittedForYourApproval",
            "OrderReturnSubmittedForApproval", "OrderReturnApproved", "OrderReturnSubmittedForYourApprovalHasBeenApproved",
            "OrderReturnSubmittedForYourApprovalHasBeenDeclined", "OrderReturnCompleted", "SubscriptionReminder",
            "ProductCollectionInvitationAccepted", "ProductCollectionInvitationDeclined", "OneTimePassword",
            "SharedCartPurgeImminent");
}
