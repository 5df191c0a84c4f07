package io.orderhooks.engine.internal.orgs;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.catalog.ProductAccess;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.core.model.SpendingAccountAssignment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spending accounts of buyers with balances. {@link #debit} and {@link #credit} change a balance atomically
 * (a compare-and-set on the account), so concurrent payments never overdraw an account. Thread-safe.
 */
public final class SpendingAccountService {

    private final EngineContext ctx;

    public SpendingAccountService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public SpendingAccount save(Caller caller, String buyerID, SpendingAccount a) {
        return save(caller, buyerID, a, false);
    }

    /** {@code create}: a POST — one atomic insert, 409 {@code IdExists} when the ID is taken (also by a racing create). */
    public SpendingAccount save(Caller caller, String buyerID, SpendingAccount a, boolean create) {
        Errors.requireSeller(caller);
        ctx.store().table(Tables.BUYERS).find(buyerID).orElseThrow(() -> Errors.notFound("Buyer", buyerID));
        String id = a.id() == null || a.id().isBlank() ? ctx.ids().next() : a.id();
        SpendingAccount stored = new SpendingAccount(id, a.name(), a.balance() == null ? BigDecimal.ZERO : a.balance(),
                a.allowAsPaymentMethod() == null || a.allowAsPaymentMethod(), a.redemptionCode(), a.startDate(), a.endDate(), a.xp());
        ctx.store().table(Tables.SPENDING_ACCOUNTS).save(Table.key(buyerID, id), stored, create, "SpendingAccount", id);
        return stored;
    }

    public void assign(Caller caller, String buyerID, SpendingAccountAssignment a) {
        Errors.requireSeller(caller);
        get(caller, buyerID, a.spendingAccountID());
        ctx.store().table(Tables.SPENDING_ACCOUNT_ASSIGNMENTS)
                .put(Table.key(buyerID, a.spendingAccountID(), Tables.part(a.userID()), Tables.part(a.userGroupID())), a);
    }

    /** Deletes an account and its assignments. */
    public void delete(Caller caller, String buyerID, String accountID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.SPENDING_ACCOUNTS).delete(Table.key(buyerID, accountID))) {
            throw Errors.notFound("SpendingAccount", accountID);
        }
        var assignments = ctx.store().table(Tables.SPENDING_ACCOUNT_ASSIGNMENTS);
        assignments.listWithPrefix(Table.key(buyerID, accountID) + "/").forEach(a -> assignments.delete(
                Table.key(buyerID, accountID, Tables.part(a.userID()), Tables.part(a.userGroupID()))));
    }

    public List<SpendingAccountAssignment> listAssignments(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return ctx.store().table(Tables.SPENDING_ACCOUNT_ASSIGNMENTS).listWithPrefix(buyerID + "/");
    }

    /** Removes the assignment to exactly this user, group or (both null) the whole buyer. */
    public void unassign(Caller caller, String buyerID, String accountID, String userID, String groupID) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.SPENDING_ACCOUNT_ASSIGNMENTS).delete(Table.key(buyerID, accountID, Tables.part(userID), Tables.part(groupID)))) {
            throw Errors.notFound("SpendingAccountAssignment", accountID);
        }
    }

    public SpendingAccount get(Caller caller, String buyerID, String accountID) {
        OrgService.requireCompany(caller, buyerID);
        SpendingAccount a = ctx.store().table(Tables.SPENDING_ACCOUNTS).find(Table.key(buyerID, accountID))
                .orElseThrow(() -> Errors.notFound("SpendingAccount", accountID));
        if (caller.isBuyer() && assignment(caller, buyerID, accountID).isEmpty()) {
            throw Errors.notFound("SpendingAccount", accountID);
        }
        return a;
    }

    /** The accounts a buyer user may use (assigned to the buyer, one of its groups or the user); all for the seller. */
    public List<SpendingAccount> list(Caller caller, String buyerID) {
        OrgService.requireCompany(caller, buyerID);
        return ctx.store().table(Tables.SPENDING_ACCOUNTS).listWithPrefix(buyerID + "/").stream()
                .filter(a -> caller.isSeller() || assignment(caller, buyerID, a.id()).isPresent()).toList();
    }

    /** The assignment through which a buyer user may use the account, preferring one that allows exceeding. */
    public Optional<SpendingAccountAssignment> assignment(Caller caller, String buyerID, String accountID) {
        Set<String> groups = new ProductAccess(ctx).groupsOf(buyerID, caller.userID());
        return ctx.store().table(Tables.SPENDING_ACCOUNT_ASSIGNMENTS).listWithPrefix(Table.key(buyerID, accountID) + "/").stream()
                .filter(a -> (a.userID() == null && a.userGroupID() == null) || caller.userID().equals(a.userID())
                        || (a.userGroupID() != null && groups.contains(a.userGroupID())))
                .max((x, y) -> Boolean.compare(Boolean.TRUE.equals(x.allowExceed()), Boolean.TRUE.equals(y.allowExceed())));
    }

    /**
     * Takes {@code amount} from the balance; fails with {@code Payment.ExceedsBalance} (balance unchanged)
     * when it would go below zero and {@code allowExceed} is false.
     */
    public SpendingAccount debit(String buyerID, String accountID, BigDecimal amount, boolean allowExceed) {
        return ctx.store().table(Tables.SPENDING_ACCOUNTS).update(Table.key(buyerID, accountID), a -> {
            BigDecimal next = a.balance().subtract(amount);
            if (next.signum() < 0 && !allowExceed) {
                throw Errors.bad("Payment.ExceedsBalance", "Payment exceeds Spending Account balance.");
            }
            return new SpendingAccount(a.id(), a.name(), next, a.allowAsPaymentMethod(), a.redemptionCode(), a.startDate(), a.endDate(), a.xp());
        });
    }

    /** Gives {@code amount} back to the balance (refund of a canceled or declined order). */
    public SpendingAccount credit(String buyerID, String accountID, BigDecimal amount) {
        return ctx.store().table(Tables.SPENDING_ACCOUNTS).update(Table.key(buyerID, accountID), a ->
                new SpendingAccount(a.id(), a.name(), a.balance().add(amount), a.allowAsPaymentMethod(), a.redemptionCode(), a.startDate(), a.endDate(), a.xp()));
    }
}
