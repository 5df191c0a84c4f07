package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.orgs.AddressService;
import io.orderhooks.core.model.Address;
import io.orderhooks.core.model.AddressAssignment;
import io.orderhooks.core.model.BuyerAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code v1/me/addresses}: the buyer addresses assigned to the caller (as {@link BuyerAddress}) and their
 * private addresses, which only they may create, change and delete (MeAddressAdmin); changing a shared
 * address through here is {@code Address.CannotEditPublic}.
 */
final class MeAddressRoutes {

    static final Set<String> READ = roles("MeAddressAdmin", "MeAdmin", "Shopper");
    static final Set<String> ADMIN = roles("MeAddressAdmin");

    private MeAddressRoutes() {}

    static void register(RouteTable t, ApiContext ctx) {
        AddressService s = ctx.engine().addresses();
        t.get("v1/me/addresses", READ, r -> ctx.list(r, mine(ctx, buyer(ctx, r)), BuyerAddress.class));
        t.get("v1/me/addresses/{addressID}", READ, r -> mine(ctx, buyer(ctx, r)).stream()
                .filter(a -> a.id().equals(r.param("addressID"))).findFirst()
                .orElseThrow(() -> Errors.notFound("Address", r.param("addressID"))));
        t.post("v1/me/addresses", 201, ADMIN, r -> {
            Caller c = buyer(ctx, r);
            Address a = ctx.body(r, Address.class);
            return view(s.createMyAddress(c, a));
        });
        t.put("v1/me/addresses/{addressID}", ADMIN, r -> {
            Caller c = editable(ctx, r);
            Address a = ctx.body(r, Address.class);
            Ids.requireSame(a.id(), r.param("addressID"));
            return view(s.saveMyAddress(c, a.toBuilder().id(r.param("addressID")).build()));
        });
        t.patch("v1/me/addresses/{addressID}", ADMIN, r -> {
            Caller c = editable(ctx, r);
            Address merged = ctx.patch(r, s.getAddress(c, c.companyID(), r.param("addressID")), Address.class);
            Ids.requireSame(merged.id(), r.param("addressID"));
            return view(s.saveMyAddress(c, merged));
        });
        t.delete("v1/me/addresses/{addressID}", ADMIN, r -> {
            s.deleteMyAddress(buyer(ctx, r), r.param("addressID"));
            return null;
        });
    }

    private static BuyerAddress view(Address a) {
        return BuyerAddress.of(a, true, true, true);
    }

    /** The caller's addresses, merging the flags of every assignment that reaches them. */
    static List<BuyerAddress> mine(ApiContext ctx, Caller c) {
        Map<String, boolean[]> flags = new LinkedHashMap<>();
        for (AddressAssignment a : ctx.engine().addresses().myAssignments(c)) {
            boolean[] f = flags.computeIfAbsent(a.addressID(), k -> new boolean[2]);
            f[0] |= Boolean.TRUE.equals(a.isShipping());
            f[1] |= Boolean.TRUE.equals(a.isBilling());
        }
        List<BuyerAddress> out = new ArrayList<>();
        flags.forEach((id, f) -> ctx.engine().context().store().table(io.orderhooks.engine.internal.store.Tables.ADDRESSES)
                .find(io.orderhooks.engine.internal.store.Table.key(c.companyID(), id))
                .ifPresent(a -> out.add(BuyerAddress.of(a, f[0], f[1], ctx.engine().addresses().isMine(c, id)))));
        return out;
    }

    private static Caller buyer(ApiContext ctx, ApiRequest r) {
        Caller c = ctx.caller(r);
        if (!c.isBuyer()) {
            throw Errors.forbidden("v1/me/addresses is for buyer users");
        }
        return c;
    }

    /** The caller, when {@code addressID} is their private address; 404 when unseen, CannotEditPublic when shared. */
    private static Caller editable(ApiContext ctx, ApiRequest r) {
        Caller c = buyer(ctx, r);
        String id = r.param("addressID");
        if (ctx.engine().addresses().isMine(c, id)) {
            return c;
        }
        if (mine(ctx, c).stream().anyMatch(a -> a.id().equals(id))) {
            throw Errors.bad("Address.CannotEditPublic", "Only the user's own addresses can be changed through v1/me/addresses.");
        }
        throw Errors.notFound("Address", id);
    }
}
