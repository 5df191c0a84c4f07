package io.orderhooks.engine.internal.payments;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orgs.AssignedResources;
import io.orderhooks.engine.internal.orgs.ResourceAssignment;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.BuyerCreditCard;
import io.orderhooks.core.model.CreditCard;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Saved credit cards of buyers: the processor's {@code Token} and display fields, never a card number (the
 * wire model has no such field and unknown fields are dropped; {@code PartialAccountNumber} holds at most the
 * last 4 digits). The seller administers and assigns cards; a buyer user saves private cards through
 * {@code v1/me/creditcards}, which are assigned to them and {@code Editable} only by them. Thread-safe.
 */
public final class CreditCardService {

    private final EngineContext ctx;
    private final AssignedResources<CreditCard> cards;

    public CreditCardService(EngineContext ctx) {
        this.ctx = ctx;
        this.cards = new AssignedResources<>(ctx, "CreditCard", Tables.CREDIT_CARDS, Tables.CREDIT_CARD_ASSIGNMENTS, CreditCard::id);
    }

    /** The seller's administration (list, get, delete, assignments). */
    public AssignedResources<CreditCard> admin() {
        return cards;
    }

    /** Saves a card for the seller; {@code DateCreated} is kept from the stored card or stamped now. */
    public CreditCard save(Caller caller, String buyerID, String id, CreditCard body, boolean create) {
        Errors.requireSeller(caller);
        return cards.save(caller, buyerID, normalize(buyerID, cards.idOrNew(id), body), create);
    }

    /** The cards the buyer user may use, {@code Editable} when they saved it themselves. */
    public List<BuyerCreditCard> listMine(Caller caller) {
        requireBuyer(caller);
        return cards.list(caller, caller.companyID()).stream().map(c -> view(caller, c)).toList();
    }

    public BuyerCreditCard getMine(Caller caller, String id) {
        requireBuyer(caller);
        return view(caller, cards.get(caller, caller.companyID(), id));
    }

    /** Saves a private card of the caller (create, or replace one they saved); assigns it to them. */
    public BuyerCreditCard saveMine(Caller caller, String id, CreditCard body, boolean create) {
        requireBuyer(caller);
        String buyerID = caller.companyID();
        String cardID = cards.idOrNew(id);
        if (!create) {
            requireOwn(caller, cardID);
        }
        CreditCard stored = cards.store(buyerID, normalize(buyerID, cardID, body), create);
        ctx.store().table(Tables.PRIVATE_CREDIT_CARDS).put(Table.key(buyerID, cardID), caller.userID());
        ResourceAssignment mine = new ResourceAssignment(cardID, caller.userID(), null);
        ctx.store().table(Tables.CREDIT_CARD_ASSIGNMENTS).put(Table.key(buyerID, cardID, caller.userID(), ""), mine);
        return view(caller, stored);
    }

    public void deleteMine(Caller caller, String id) {
        requireBuyer(caller);
        requireOwn(caller, id);
        cards.remove(caller.companyID(), id);
        ctx.store().table(Tables.PRIVATE_CREDIT_CARDS).delete(Table.key(caller.companyID(), id));
    }

    /** A stored card of the caller's, for patching through {@code v1/me/creditcards}. */
    public CreditCard ownCard(Caller caller, String id) {
        requireBuyer(caller);
        requireOwn(caller, id);
        return cards.get(caller, caller.companyID(), id);
    }

    /**
     * Requires that a buyer user may pay with the card; 400 {@code Payment.InvalidCreditCardID} otherwise (also for
     * the seller when the card does not belong to the order's buyer).
     */
    public void requireUsable(Caller caller, String buyerID, String creditCardID) {
        boolean exists = creditCardID != null && ctx.store().table(Tables.CREDIT_CARDS).find(Table.key(buyerID, creditCardID)).isPresent();
        if (!exists || (caller.isBuyer() && !cards.usable(caller, buyerID, creditCardID))) {
            throw Errors.bad("Payment.InvalidCreditCardID", "Credit card not found or not available to this user: " + creditCardID);
        }
    }

    private void requireOwn(Caller caller, String id) {
        Optional<String> owner = ctx.store().table(Tables.PRIVATE_CREDIT_CARDS).find(Table.key(caller.companyID(), id));
        if (owner.isEmpty() || !owner.get().equals(caller.userID())) {
            cards.get(caller, caller.companyID(), id);
            throw Errors.forbidden("only the user who saved credit card " + id + " may change it");
        }
    }

    private CreditCard normalize(String buyerID, String id, CreditCard c) {
        String partial = c.partialAccountNumber();
        if (partial != null && !partial.matches("\\d{0,4}")) {
            throw OrderCloudException.validation("PartialAccountNumber holds at most the last 4 digits of the card number");
        }
        OffsetDateTime created = ctx.store().table(Tables.CREDIT_CARDS).find(Table.key(buyerID, id)).map(CreditCard::dateCreated)
                .orElse(ctx.now());
        return new CreditCard(id, c.token(), created, c.cardType(), partial, c.cardholderName(), c.expirationDate(), c.xp());
    }

    private BuyerCreditCard view(Caller caller, CreditCard c) {
        boolean editable = ctx.store().table(Tables.PRIVATE_CREDIT_CARDS).find(Table.key(caller.companyID(), c.id()))
                .map(caller.userID()::equals).orElse(false);
        return new BuyerCreditCard(c.id(), editable, c.token(), c.dateCreated(), c.cardType(), c.partialAccountNumber(),
                c.cardholderName(), c.expirationDate(), c.xp());
    }

    private static void requireBuyer(Caller caller) {
        if (!caller.isBuyer()) {
            throw Errors.forbidden("only buyer users have credit cards of their own");
        }
    }
}
