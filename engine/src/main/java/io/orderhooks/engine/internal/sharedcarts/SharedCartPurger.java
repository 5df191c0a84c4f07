package io.orderhooks.engine.internal.sharedcarts;

import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.orders.Modifications;
import io.orderhooks.engine.internal.orders.OrderState;
import io.orderhooks.engine.internal.sharedcarts.internal.SharedCartTables;
import io.orderhooks.engine.internal.sharedcarts.internal.SharedCartTables.NoticeMark;
import io.orderhooks.engine.internal.store.Mutation;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Order;
import io.orderhooks.core.model.OrderStatus;
import io.orderhooks.core.model.SharedCartSettings;
import io.orderhooks.core.model.User;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges inactive shared organization carts, on the engine's injected clock. Inactivity = now − {@code LastUpdated}
 * of an unsubmitted shared cart. With the current {@link SharedCartSettings}:
 *
 * <ul>
 *   <li>an empty cart (no lines) is purged once inactive for {@code HoursUntilEmptyCartPurgeDue} hours (at exactly
 *       that age, not before);
 *   <li>a non-empty cart is purged once inactive for {@code WeeksUntilPurgeDue} weeks;
 *   <li>a non-empty cart inactive for at least {@code WeeksUntilPurgeDue − WeeksBeforePurgeForNotice} weeks (and not yet
 *       due) gets one {@link PurgeNotice} per inactivity period: any change to the cart starts a new period. The
 *       recipients are its sharer ({@code FromUserID}) and its {@code LastModifierID}, each only while an active user
 *       of the cart's buyer. Empty carts get no notice (their purge is hours away).
 * </ul>
 *
 * Purging runs whether or not the feature is {@code Enabled} (disabling stops new sharing; existing shared carts
 * still wind down). Each purge re-checks the cart under its lock, so a cart changed meanwhile survives. Call
 * {@link #purgeDue} from a scheduler; passes are serialized (the method is synchronized). Thread-safe.
 */
public final class SharedCartPurger {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCartPurger.class);

    /** What one pass did: the carts purged and the carts whose notice went out, by order ID. */
    public record Report(List<String> purged, List<String> noticed) {}

    private final EngineContext ctx;
    private final SharedCartSettingsService settings;
    private final PurgeNoticeSender notices;

    public SharedCartPurger(EngineContext ctx, SharedCartSettingsService settings, PurgeNoticeSender notices) {
        this.ctx = ctx;
        this.settings = settings;
        this.notices = notices;
    }

    /** One pass over every shared cart: purge what is due, send the notices that are due. */
    public synchronized Report purgeDue() {
        SharedCartSettings st = settings.current();
        Instant now = ctx.clock().instant();
        List<String> purged = new ArrayList<>();
        List<String> noticed = new ArrayList<>();
        for (OrderState s : ctx.store().sharedCarts()) {
            if (!isOpenSharedCart(s)) {
                continue;
            }
            Instant due = purgeAt(s, st);
            if (!now.isBefore(due)) {
                if (purge(s.id(), st, now)) {
                    purged.add(s.id());
                }
            } else if (!s.lineItems().isEmpty() && !now.isBefore(due.minus(weeks(st.weeksBeforePurgeForNotice())))
                    && notice(s.order(), due)) {
                noticed.add(s.id());
            }
        }
        forgetStaleMarks();
        return new Report(purged, noticed);
    }

    /** When {@code s} falls due for purging if nothing changes. */
    static Instant purgeAt(OrderState s, SharedCartSettings st) {
        Duration after = s.lineItems().isEmpty() ? Duration.ofHours(st.hoursUntilEmptyCartPurgeDue()) : weeks(st.weeksUntilPurgeDue());
        return s.order().lastUpdated().toInstant().plus(after);
    }

    private boolean purge(String orderID, SharedCartSettings st, Instant now) {
        try {
            boolean deleted = ctx.store().withOrder(orderID, cur -> isOpenSharedCart(cur) && !now.isBefore(purgeAt(cur, st))
                    ? Mutation.delete(Boolean.TRUE) : Mutation.unchanged(Boolean.FALSE));
            if (deleted) {
                ctx.store().table(SharedCartTables.NOTICES).delete(orderID);
                LOG.info("purged inactive shared cart {}", orderID);
            }
            return deleted;
        } catch (OrderCloudException gone) {
            return false;
        }
    }

    private boolean notice(Order o, Instant due) {
        String period = o.lastUpdated().toInstant().toString();
        var marks = ctx.store().table(SharedCartTables.NOTICES);
        if (marks.find(o.id()).map(m -> m.lastUpdated().equals(period)).orElse(false)) {
            return false;
        }
        marks.put(o.id(), new NoticeMark(o.id(), period));
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(o.fromUserID());
        if (o.lastModifierID() != null) {
            candidates.add(o.lastModifierID());
        }
        List<String> recipients = candidates.stream().filter(u -> isActiveMember(o.fromCompanyID(), u)).toList();
        notices.send(new PurgeNotice(o, OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC), recipients));
        return true;
    }

    private boolean isActiveMember(String buyerID, String userID) {
        return ctx.store().table(Tables.USERS).find(Table.key(buyerID, userID)).map(User::active).map(Boolean.TRUE::equals).orElse(false);
    }

    private void forgetStaleMarks() {
        var marks = ctx.store().table(SharedCartTables.NOTICES);
        for (NoticeMark m : marks.list()) {
            if (ctx.store().order(m.orderID()).filter(SharedCartPurger::isOpenSharedCart).isEmpty()) {
                marks.delete(m.orderID());
            }
        }
    }

    private static boolean isOpenSharedCart(OrderState s) {
        return Modifications.isShared(s.order()) && s.order().status() == OrderStatus.Unsubmitted;
    }

    private static Duration weeks(int n) {
        return Duration.ofDays(7L * n);
    }
}
