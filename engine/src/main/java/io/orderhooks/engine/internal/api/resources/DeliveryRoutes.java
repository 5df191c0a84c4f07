package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.store.DeliveryTable;
import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.Errors;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.engine.spi.DeliveryLog;
import io.orderhooks.engine.spi.DeliveryRecord;
import io.orderhooks.engine.spi.Redelivery;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * The delivery log (orderhooks' own resource, seller only): {@code GET v1/deliveries} with the list grammar
 * over {@link DeliveryView} ({@code Kind=POST_WEBHOOK&DeadLetter=true&OrderID=o1&sortBy=!Timestamp}),
 * {@code GET v1/deliveries/{deliveryID}}, and {@code POST v1/deliveries/{deliveryID}/redeliver}; with a body
 * {@code {"Url":"http://localhost:9000/integration"}} the redelivery is a replay: a copy of any checkout or
 * post-webhook record, delivered or not, sent to that URL instead (see {@link Redelivery#replayTo}). Roles:
 * {@code DeliveryLogReader} to read, {@code DeliveryLogAdmin} to redeliver (or FullAccess). Without a
 * configured log the routes answer 404.
 *
 * <p>Checkout records are never redelivered here ({@code Delivery.NotRedeliverable}, and their
 * {@code Redeliverable} reads false): the engine rolls a submit back when {@code /ordersubmit} fails, and the
 * buyer's retried submit re-sends it with the same {@code Idempotency-Key}.
 */
public final class DeliveryRoutes {

    static final Set<String> READ = roles("DeliveryLogReader", "DeliveryLogAdmin");
    static final Set<String> ADMIN = roles("DeliveryLogAdmin");
    private static final QuerySchema SCHEMA = QuerySchema.forType(DeliveryView.class).resourceName("Delivery")
            .defaultSortBy("!Timestamp").defaultSearchOn("Subject", "EndpointID", "Url", "OrderID", "Error").build();

    private DeliveryRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        t.get("v1/deliveries", READ, r -> {
            Errors.requireSeller(ctx.caller(r));
            if (log(ctx) instanceof DeliveryTable table) { // a stored log: filtered, sorted and paged by the store
                return table.page(ListQuery.parse(r.query(), SCHEMA), DeliveryView::of, DeliveryView.class);
            }
            return ctx.list(r, log(ctx).list(DeliveryLog.Query.ALL).stream().map(DeliveryView::of).toList(),
                    DeliveryView.class, SCHEMA);
        });
        t.get("v1/deliveries/{deliveryID}", READ, r -> {
            Errors.requireSeller(ctx.caller(r));
            return log(ctx).find(r.param("deliveryID")).map(DeliveryView::of)
                    .orElseThrow(() -> Errors.notFound("Delivery", r.param("deliveryID")));
        });
        t.post("v1/deliveries/{deliveryID}/redeliver", 201, ADMIN, r -> {
            Errors.requireSeller(ctx.caller(r));
            Redelivery redelivery = ctx.redelivery();
            if (redelivery == null) {
                throw OrderCloudException.notFound("Redelivery", "not configured on this engine");
            }
            DeliveryRecord record = log(ctx).find(r.param("deliveryID"))
                    .orElseThrow(() -> Errors.notFound("Delivery", r.param("deliveryID")));
            String url = replayUrl(r);
            if (url != null) {
                return DeliveryView.of(redelivery.replayTo(record.id(), url).record());
            }
            if (record.kind() == DeliveryRecord.Kind.CHECKOUT) {
                throw new OrderCloudException(400, "Delivery.NotRedeliverable", "Delivery " + record.id()
                        + " is a checkout event: the engine undid the submit of order " + record.orderID()
                        + " when /" + record.subject() + " failed, so re-sending it would announce a submit that did not"
                        + " happen; submit the order again instead (the retry carries the same Idempotency-Key)");
            }
            return DeliveryView.of(redelivery.redeliver(record.id()).record());
        });
    }

    /** The body's {@code Url}: null without a body, 400 {@code Delivery.InvalidUrl} unless an absolute http(s) URL. */
    static String replayUrl(ApiRequest r) {
        if (!r.hasBody()) {
            return null;
        }
        JsonNode url = r.bodyObject().get("Url");
        if (url == null || url.isNull()) {
            return null;
        }
        URI uri;
        try {
            uri = url.isTextual() ? new URI(url.asText()) : null;
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new OrderCloudException(400, "Delivery.InvalidUrl",
                    "Url must be an absolute http or https URL, was " + url);
        }
        return url.asText();
    }

    private static DeliveryLog log(ApiContext ctx) {
        if (ctx.deliveryLog() == null) {
            throw OrderCloudException.notFound("DeliveryLog", "not configured on this engine");
        }
        return ctx.deliveryLog();
    }
}
