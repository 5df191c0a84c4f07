package io.orderhooks.engine.internal.incrementors;

import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.EngineContext;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.store.Tables;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.Incrementor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named counters ({@code v1/incrementors}). {@link #expand} replaces each {@code {incrementorID}} in a new
 * resource's ID with the counter's next value, left-padded with zeros to {@code LeftPaddingCount} digits; the
 * increment is one atomic update, so concurrent creates never share a number. Thread-safe.
 */
public final class IncrementorService {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    private final EngineContext ctx;

    public IncrementorService(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Incrementor save(Caller caller, String id, Incrementor body, boolean create) {
        Errors.requireSeller(caller);
        String stored = id == null || id.isBlank() ? ctx.ids().next() : id;
        int last = body.lastNumber() == null ? 0 : body.lastNumber();
        int padding = body.leftPaddingCount() == null ? 0 : body.leftPaddingCount();
        if (last < 0 || padding < 0 || padding > 20) {
            throw OrderCloudException.validation("LastNumber must be >= 0 and LeftPaddingCount between 0 and 20");
        }
        Incrementor value = new Incrementor(stored, body.name(), last, padding);
        ctx.store().table(Tables.INCREMENTORS).save(stored, value, create);
        return value;
    }

    public Incrementor get(Caller caller, String id) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.INCREMENTORS).find(id).orElseThrow(() -> Errors.notFound("Incrementor", id));
    }

    public List<Incrementor> list(Caller caller) {
        Errors.requireSeller(caller);
        return ctx.store().table(Tables.INCREMENTORS).list();
    }

    public void delete(Caller caller, String id) {
        Errors.requireSeller(caller);
        if (!ctx.store().table(Tables.INCREMENTORS).delete(id)) {
            throw Errors.notFound("Incrementor", id);
        }
    }

    /**
     * {@code id} with every {@code {incrementorID}} replaced by that counter's next value; {@code id} itself when
     * it has no placeholder (or is null). An unknown incrementor is 404 {@code NotFound}.
     */
    public String expand(String id) {
        if (id == null || id.indexOf('{') < 0) {
            return id;
        }
        Matcher m = PLACEHOLDER.matcher(id);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(next(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String next(String incrementorID) {
        if (ctx.store().table(Tables.INCREMENTORS).find(incrementorID).isEmpty()) {
            throw Errors.notFound("Incrementor", incrementorID);
        }
        Incrementor i = ctx.store().table(Tables.INCREMENTORS).update(incrementorID,
                x -> new Incrementor(x.id(), x.name(), x.lastNumber() + 1, x.leftPaddingCount()));
        String digits = Integer.toString(i.lastNumber());
        return "0".repeat(Math.max(0, i.leftPaddingCount() - digits.length())) + digits;
    }
}
