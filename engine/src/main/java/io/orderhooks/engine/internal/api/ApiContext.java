package io.orderhooks.engine.internal.api;

import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.api.auth.OAuthEndpoint;
import io.orderhooks.engine.internal.api.auth.RefreshTokens;
import io.orderhooks.engine.internal.api.internal.JsonMerge;
import io.orderhooks.engine.internal.api.internal.TokenRevocations;
import io.orderhooks.engine.internal.Caller;
import io.orderhooks.engine.internal.Engine;
import io.orderhooks.engine.internal.UserType;
import io.orderhooks.engine.internal.query.ListQuery;
import io.orderhooks.engine.internal.query.PropertyReaders;
import io.orderhooks.engine.internal.query.QuerySchema;
import io.orderhooks.core.json.OrderCloudJson;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ListPage;
import io.orderhooks.core.model.Product;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.orderhooks.engine.internal.catalog.ProductFacetCounts;
import io.orderhooks.engine.internal.catalog.ProductFacetService;
import java.util.ArrayList;
import java.util.List;
import io.orderhooks.engine.spi.DeliveryLog;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.orderhooks.engine.spi.Redelivery;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What resource route classes share: the engine, the token machinery and helpers that adapt a request to
 * the engine (the {@link Caller}, list queries, PATCH merges). Immutable apart from caches; thread-safe.
 *
 * @param marketplaceName the seller org's display name ({@code GET v1/me/sellers})
 * @param deliveryLog the delivery log the admin endpoints read, or null when none is configured
 * @param redelivery the port that redelivers a record, or null
 * @param breakers the senders' circuit breakers by sender name ({@code checkout}, {@code webhooks}); may be empty
 */
public record ApiContext(
        Engine engine,
        OAuthEndpoint oauth,
        RefreshTokens refreshTokens,
        TokenRevocations revocations,
        String marketplaceName,
        DeliveryLog deliveryLog,
        Redelivery redelivery,
        Map<String, CircuitBreakerRegistry> breakers) {

    private static final Map<Class<?>, QuerySchema> SCHEMAS = new ConcurrentHashMap<>();

    public ApiContext {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(revocations, "revocations");
        Objects.requireNonNull(marketplaceName, "marketplaceName");
        breakers = breakers == null ? Map.of() : Map.copyOf(breakers);
    }

    /** The engine's view of the request's caller; 401 on a route without a token. */
    public Caller caller(ApiRequest request) {
        AccessClaims c = request.caller();
        if (c == null) {
            throw new OrderCloudException(401, "InvalidToken", "An access token is required");
        }
        return caller(c);
    }

    /**
     * Maps token claims to a {@link Caller}: {@code usrtype} {@code buyer}/{@code supplier} as is,
     * {@code seller} and {@code admin} (OrderCloud's name for marketplace-owner users) to the seller.
     */
    public static Caller caller(AccessClaims c) {
        UserType type = switch (String.valueOf(c.userType())) {
            case "buyer" -> UserType.BUYER;
            case "supplier" -> UserType.SUPPLIER;
            case "seller", "admin" -> UserType.SELLER;
            default -> throw new OrderCloudException(401, "InvalidToken", "Unknown user type " + c.userType());
        };
        return new Caller(c.userID(), type, c.companyID(), new HashSet<>(c.roles()), c.clientID(), c.invitationID(),
                c.orderID(), c.anonymous());
    }

    /** Filters, sorts and pages {@code items} of {@code type} by the request's query (default schema). */
    public <T> ListPage<T> list(ApiRequest request, Collection<T> items, Class<T> type) {
        return list(request, items, type, SCHEMAS.computeIfAbsent(type, t -> QuerySchema.forType(t).build()));
    }

    /** As {@link #list(ApiRequest, Collection, Class)} with a resource-specific schema. */
    public <T> ListPage<T> list(ApiRequest request, Collection<T> items, Class<T> type, QuerySchema schema) {
        return ListQuery.parse(request.query(), schema).apply(items, PropertyReaders.forRecord(type));
    }

    /**
     * A product list page as OrderCloud's {@code ListPageWithFacets}: {@code products} filtered, searched, sorted and
     * paged by the request (with {@code schema}), and {@code Meta.Facets} counting every product facet over all the
     * matches, not only the page ({@link ProductFacetCounts}); an empty array when there are no facets.
     */
    public ListPage<Product> productList(ApiRequest request, Collection<Product> products, QuerySchema schema) {
        List<List<Product>> matched = new ArrayList<>(1);
        ListPage<Product> page = ListQuery.parse(request.query(), schema).apply(products, PropertyReaders.forRecord(Product.class),
                matched::add);
        ArrayNode facets = ProductFacetCounts.of(new ProductFacetService(engine().context()).all(), matched.get(0));
        return new ListPage<>(page.meta().toBuilder().facets(facets).build(), page.items());
    }

    /** As {@link #productList(ApiRequest, Collection, QuerySchema)} with the product's default schema. */
    public ListPage<Product> productList(ApiRequest request, Collection<Product> products) {
        return productList(request, products, SCHEMAS.computeIfAbsent(Product.class, t -> QuerySchema.forType(t).build()));
    }

    /** PATCH: the request body merged onto {@code existing} (objects and {@code xp} merge, the rest replaces). */
    public <T> T patch(ApiRequest request, T existing, Class<T> type) {
        return JsonMerge.patch(existing, request.bodyObject(), type);
    }

    /** PUT/POST: the whole body as {@code type} (must be a JSON object). */
    public <T> T body(ApiRequest request, Class<T> type) {
        request.bodyObject();
        return request.body(type);
    }
}
