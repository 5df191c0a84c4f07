package io.orderhooks.engine.internal.xpindices;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.XpIndex;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Table;
import io.orderhooks.engine.internal.store.Tables;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The marketplace's declared xp indices ({@code v1/xpindices}), marketplace owner only. OrderCloud needs an index
 * before it filters or sorts a large list on an xp key; the engine filters and sorts on every xp key without one
 * (docs/QUERY.md), so a declaration is recorded, listed and removed exactly as OrderCloud does, and changes no
 * list's answer. {@code ThingType} must be one of OrderCloud's {@code XpThingType}s (matched ignoring case, stored
 * as spelled there); {@code Key} is a dotted path of non-blank xp keys. Declaring the same index twice is one index.
 */
public final class XpIndexService {

    /** OrderCloud's XpThingType values (SDK 12). */
    public static final List<String> THING_TYPES = List.of("Address", "Variant", "Order", "OrderReturn", "LineItem",
            "CostCenter", "CreditCard", "Payment", "Spec", "SpecOption", "UserGroup", "Company", "Category",
            "PriceSchedule", "Shipment", "SpendingAccount", "User", "Promotion", "ApprovalRule", "SellerApprovalRule",
            "Catalog", "ProductFacet", "MessageSender", "InventoryRecord", "ProductCollection", "Subscription",
            "GroupOrderInvitation");
    private static final Pattern KEY = Pattern.compile("[^.\\s/]+(\\.[^.\\s/]+)*");

    private final EngineContext ctx;

    public XpIndexService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Declares {@code index} (idempotent). */
    public XpIndex put(Caller caller, XpIndex index) {
        Errors.requireSeller(caller);
        XpIndex valid = new XpIndex(thingType(index.thingType()), key(index.key()));
        ctx.store().table(Tables.XP_INDICES).put(Table.key(valid.thingType(), valid.key()), valid);
        return valid;
    }

    /** Every declared index by thing type, then key. */
    public List<XpIndex> list(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.XP_INDICES).list().stream()
                .sorted(Comparator.comparing(XpIndex::thingType).thenComparing(XpIndex::key)).toList();
    }

    /** Removes one declaration; 404 {@code NotFound} (ObjectType {@code XpIndex}) when it was not declared. */
    public void delete(Caller caller, String thingType, String key) {
        Errors.requireSeller(caller);
        String type = canonical(thingType);
        if (type == null || !ctx.store().table(Tables.XP_INDICES).delete(Table.key(type, key))) {
            throw Errors.notFound("XpIndex", thingType + "/" + key);
        }
    }

    private static String thingType(String given) {
        if (given == null || given.isBlank()) {
            throw Errors.required("ThingType");
        }
        String type = canonical(given);
        if (type == null) {
            throw OrderCloudException.validation("ThingType must be one of " + String.join(", ", THING_TYPES) + ", was " + given);
        }
        return type;
    }

    private static String key(String given) {
        if (given == null || given.isBlank()) {
            throw Errors.required("Key");
        }
        if (!KEY.matcher(given).matches()) {
            throw OrderCloudException.validation("Key must be a dotted path of xp keys (e.g. Color or Specs.Color), was " + given);
        }
        return given;
    }

    private static String canonical(String thingType) {
        return THING_TYPES.stream().filter(t -> t.equalsIgnoreCase(thingType)).findFirst().orElse(null);
    }
}
