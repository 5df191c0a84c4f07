package io.orderhooks.engine.internal.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.api.auth.OAuthEndpoint;
import io.orderhooks.engine.internal.api.auth.OAuthError;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.javalin.JavalinBridge;
import io.orderhooks.javalin.ServerLimits;
import io.orderhooks.core.http.RawResponse;
import io.orderhooks.core.receiver.ReceiverErrors;
import io.orderhooks.core.receiver.RequestGuard;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import io.orderhooks.core.model.Webhook;
import io.orderhooks.core.http.RawHandler;
import io.orderhooks.core.observe.EngineEvent;
import io.orderhooks.core.observe.Observer;
import io.orderhooks.core.trace.TraceParent;
import io.orderhooks.core.trace.Traces;
import io.orderhooks.javalin.JavalinMount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OrderCloud-compatible HTTP surface: {@code POST /oauth/token}, {@code GET /oauth/certs/{kid}} and
 * every route of a {@link RouteTable} under {@code /v1}. For each route it authenticates the bearer token,
 * checks roles (403 naming them), reads the body with a size limit (413), requires JSON for bodies (415),
 * fires webhooks around writes, and maps every failure to OrderCloud's error shape — never a stack trace.
 * Routes match case-insensitively, as OrderCloud's do.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final RouteTable routes;
    private final OAuthEndpoint oauth;
    private final WebhookFiring webhooks;
    private final long maxBodyBytes;
    private final Predicate<AccessClaims> tokenRevoked;
    private final Observer observer;
    private final Map<String, RawHandler> endpoints;
    private final ReadsTogether readsTogether;

    /**
     * Runs the reads a write request makes before its work (its token's revocation check, the stored webhooks) as one
     * group, so that a database store answers them with one statement when they are unchanged
     * ({@code Store::readTogether}).
     */
    @FunctionalInterface
    public interface ReadsTogether {
        <R> R run(Supplier<R> reads);

        /**
         * Runs one request, within which the groups of reads may share their checks ({@code Store::oneRequest}: the
         * token check's group and the handler's later groups); by default it just runs. A database store may run
         * {@code request} twice (its first run found the versions it assumed changed before any act): the server
         * writes the answer only after it returns.
         */
        default <R> R request(Supplier<R> request) {
            return request.get();
        }

        /** Each read on its own (an in-memory store). */
        ReadsTogether NONE = Supplier::get;
    }

    public ApiServer(RouteTable routes, OAuthEndpoint oauth, WebhookFiring webhooks, long maxBodyBytes,
            Predicate<AccessClaims> tokenRevoked) {
        this(routes, oauth, webhooks, maxBodyBytes, tokenRevoked, Observer.NONE, Map.of(), ReadsTogether.NONE);
    }

    /**
     * @param observer told of tokens issued and refused
     * @param endpoints extra raw endpoints by path (e.g. {@code /metrics}), served outside the API's auth
     * @param readsTogether how a write request's token check and webhook list are read (see {@link ReadsTogether})
     */
    public ApiServer(RouteTable routes, OAuthEndpoint oauth, WebhookFiring webhooks, long maxBodyBytes,
            Predicate<AccessClaims> tokenRevoked, Observer observer, Map<String, RawHandler> endpoints,
            ReadsTogether readsTogether) {
        this.readsTogether = Objects.requireNonNull(readsTogether, "readsTogether");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.endpoints = Map.copyOf(endpoints);
        this.routes = Objects.requireNonNull(routes, "routes");
        this.oauth = Objects.requireNonNull(oauth, "oauth");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : RequestGuard.DEFAULT_MAX_BODY_BYTES;
        this.tokenRevoked = tokenRevoked == null ? c -> false : tokenRevoked;
    }

    /** A Javalin app serving the API; call {@code start(port)} on it. */
    public Javalin create() {
        return Javalin.create(cfg -> {
            cfg.router.caseInsensitiveRoutes = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.http.maxRequestSize = maxBodyBytes;
            ServerLimits.DEFAULTS.withMaxBufferedBodyBytes(maxBodyBytes + 1).applyTo(cfg.jetty);
            cfg.routes.post("/oauth/token", ctx -> traced(ctx, this::token));
            cfg.routes.get("/oauth/certs/{kid}", this::certs);
            cfg.routes.get("/oauth/userinfo", ctx -> traced(ctx, c -> write(c, RawResponse.json(200,
                    oauth.userInfo(authenticate(bearer(c)))))));
            cfg.routes.get(DeliveryLogPage.PATH, DeliveryLogPage::serve);
            cfg.routes.before(ctx -> {
                var feature = UnimplementedFeatures.of(ctx.path());
                if (feature.isPresent()) {
                    throw UnimplementedFeatures.notImplemented(feature.get());
                }
            });
            endpoints.forEach((path, handler) -> JavalinMount.mount(cfg.routes, path, () -> maxBodyBytes, handler));
            mountRoutes(cfg.routes);
            cfg.routes.exception(Exception.class, (e, ctx) -> write(ctx, failure(ctx, e)));
            cfg.routes.error(404, ctx -> {
                if (!isOrderCloudError(ctx.result())) {
                    write(ctx, routeNotFound(ctx));
                }
            });
            cfg.routes.error(405, ctx -> {
                if (!isOrderCloudError(ctx.result())) {
                    write(ctx, RawResponse.error(405, "MethodNotAllowed", ctx.method() + " is not allowed on " + ctx.path()));
                }
            });
        });
    }

    /**
     * Mounts the route table: per verb one Javalin handler on {@code /<first segment>/*} that finds the route with
     * {@link RouteIndex} (one walk down the path's segments instead of a regular expression per route); a path no
     * route of its verb matches answers 404 {@code NotFound} naming the {@code Route}, as Javalin's own 404 did. A
     * {@code HEAD} request answers as Javalin does for a path with a {@code GET} route: 200 without running it.
     */
    private void mountRoutes(io.javalin.config.RoutesConfig config) {
        List<ApiRoute> all = routes.routes();
        RouteIndex index = new RouteIndex(all);
        java.util.Set<String> verbs = new java.util.LinkedHashSet<>();
        java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
        for (ApiRoute route : all) {
            verbs.add(route.verb());
            prefixes.add(route.template().split("/", 2)[0]);
        }
        for (String prefix : prefixes) {
            String wildcard = "/" + prefix + "/*";
            for (String verb : verbs) {
                config.addHttpHandler(handlerType(verb), wildcard, ctx -> {
                    RouteIndex.Match match = index.find(verb, ctx.path());
                    if (match == null) {
                        write(ctx, routeNotFound(ctx));
                        return;
                    }
                    traced(ctx, match.pathParams(), c -> {
                        // the answer is written once the request scope has proven what it was made from (a
                        // database store may run the request again first: Store::oneRequest); the body is read once
                        byte[][] body = new byte[1][];
                        RawResponse answer = readsTogether.request(() -> serve(c, match.route(), match.pathParams(), () -> {
                            if (body[0] == null) {
                                body[0] = readBody(c);
                            }
                            return body[0];
                        }));
                        if (answer == null) {
                            c.status(204);
                        } else {
                            write(c, answer);
                        }
                    });
                });
            }
            if (verbs.contains("GET")) {
                config.addHttpHandler(HandlerType.HEAD, wildcard, ctx -> {
                    if (index.find("GET", ctx.path()) == null) {
                        write(ctx, routeNotFound(ctx));
                    }
                });
            }
        }
    }

    private static RawResponse routeNotFound(Context ctx) {
        return RawResponse.error(OrderCloudException.notFound("Route", ctx.method() + " " + ctx.path()));
    }

    /**
     * Runs {@code handler} with the request's trace current ({@code traceparent}, or OpenTelemetry's span, or a new
     * trace) and in the MDC with the order ID of the path; answers {@code traceresponse} naming this span.
     */
    private static void traced(Context ctx, Consumer<Context> handler) {
        traced(ctx, ctx.pathParamMap(), handler);
    }

    private static void traced(Context ctx, Map<String, String> pathParams, Consumer<Context> handler) {
        try (Traces.Scope trace = Traces.begin(ctx.header(TraceParent.HEADER), ctx.header(Traces.CORRELATION_HEADER))) {
            trace.put(Traces.ORDER_ID, pathParams.get("orderID"));
            ctx.header("traceresponse", trace.trace().header());
            handler.accept(ctx);
        }
    }

    /** Who calls (null: an anonymous call of a public route) and, for a write, the stored webhooks that may fire. */
    private record Checked(AccessClaims caller, List<Webhook> webhooks) {}

    /**
     * The caller, checked (401 unless validly signed, unexpired and not revoked; 403 without the route's roles), and
     * for a write the stored webhooks: read together, so a database store checks both with one statement.
     */
    private Checked check(ApiRoute route, String token) {
        AccessClaims caller = null;
        if (!route.isPublic() || token != null) {
            caller = authenticate(token);
            RoleCheck.require(caller, route.roles());
            ContributorRoutes.require(caller, route);
        }
        return new Checked(caller, route.isWrite() ? webhooks.stored(caller) : null);
    }

    /**
     * Serves one request up to its answer, which it returns unwritten (null: 204 without a body); a refusal
     * throws. May run twice for one request ({@link ReadsTogether#request}): it writes nothing to {@code ctx} but headers
     * and reads the body only through {@code body}.
     */
    private RawResponse serve(Context ctx, ApiRoute route, Map<String, String> pathParams, Supplier<byte[]> body) {
        String token = bearer(ctx);
        Checked checked = route.isWrite() ? readsTogether.run(() -> check(route, token)) : check(route, token);
        AccessClaims caller = checked.caller();
        byte[] bytes = body.get();
        if (bytes.length > 0 && !isJson(ctx.contentType()) && !new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return ReceiverErrors.unsupportedMediaType(ctx.contentType());
        }
        Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
        ApiRequest request = new ApiRequest(route, caller, token, pathParams, query, bytes);
        if (route.isWrite()) {
            IdGrammar.checkWrite(request.pathParams(), request.hasBody() ? request.bodyTree() : null);
        }
        Object result = route.isWrite() ? webhooks.around(request, checked.webhooks(), () -> route.handler().handle(request))
                : route.handler().handle(request);
        return result == null ? null : RawResponse.json(route.status(), result);
    }

    private AccessClaims authenticate(String token) {
        if (token == null) {
            throw new OrderCloudException(401, "InvalidToken",
                    "An Authorization header with a bearer access token is required");
        }
        AccessClaims claims = oauth.tokens().verify(token);
        if (tokenRevoked.test(claims)) {
            throw new OrderCloudException(401, "InvalidToken", "Access token has been revoked");
        }
        return claims;
    }

    private void token(Context ctx) {
        if (!String.valueOf(ctx.contentType()).toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            write(ctx, RawResponse.json(400, new OAuthError("invalid_request",
                    "Content-Type must be application/x-www-form-urlencoded",
                    List.of(new io.orderhooks.core.model.ApiError("Request.InvalidContentType",
                            "Content-Type must be application/x-www-form-urlencoded", null)))));
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        String grantType = grantTag(form.get("grant_type"));
        try {
            write(ctx, RawResponse.json(200, oauth.token(form)));
            Observer.publish(observer, new EngineEvent.TokenIssued(grantType));
        } catch (OAuthError.Failure e) {
            Observer.publish(observer, new EngineEvent.LoginFailed(grantType, e.errorCode()));
            write(ctx, RawResponse.json(e.status(), e.body()));
        }
    }

    /** A metric tag for a requested grant type: one of OrderCloud's three, else {@code other}. */
    private static String grantTag(String grantType) {
        return grantType != null && List.of("password", "client_credentials", "refresh_token").contains(grantType)
                ? grantType : "other";
    }

    private void certs(Context ctx) {
        String kid = ctx.pathParam("kid");
        write(ctx, RawResponse.json(200, oauth.tokens().publicJwk(kid)
                .orElseThrow(() -> OrderCloudException.notFound("Key", kid))));
    }

    private byte[] readBody(Context ctx) {
        try {
            return JavalinBridge.read(ctx, ctx.path(), maxBodyBytes).body();
        } catch (JavalinBridge.BodyTooLarge e) {
            throw new OrderCloudException(413, "Request.TooLarge",
                    "Request body exceeds the limit of " + maxBodyBytes + " bytes");
        } catch (JavalinBridge.ClientAborted e) {
            LOG.info("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            throw new OrderCloudException(400, "Request.Aborted", "The request body was not received completely");
        }
    }

    /** What a 503 asks the caller to wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";

    private RawResponse failure(Context ctx, Exception e) {
        if (e instanceof OAuthError.Failure oauthFailure) {
            return RawResponse.json(oauthFailure.status(), oauthFailure.body());
        }
        if (e instanceof OrderCloudException oc) {
            if (oc.status() != 503) {
                return RawResponse.error(oc);
            }
            // 503 (the store failed or is out of connections; its transaction was rolled back): retry soon. The caller
            // sees no cause; the operator does, in the log, with the database's own exception when there is one.
            if (oc.getCause() != null) {
                LOG.warn("{} {} answered 503: {}", ctx.method(), ctx.path(), oc.getMessage(), oc.getCause());
            }
            return RawResponse.error(oc).withHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        return ReceiverErrors.internal(LOG, ctx.method() + " " + ctx.path(), e);
    }

    private static HandlerType handlerType(String verb) {
        return switch (verb) {
            case "GET" -> HandlerType.GET;
            case "POST" -> HandlerType.POST;
            case "PUT" -> HandlerType.PUT;
            case "PATCH" -> HandlerType.PATCH;
            case "DELETE" -> HandlerType.DELETE;
            default -> throw new IllegalArgumentException("unsupported verb " + verb);
        };
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Whether a response body is already in OrderCloud's error shape (an API error, not Javalin's text). */
    private static boolean isOrderCloudError(String result) {
        return result != null && result.startsWith("{\"Errors\"");
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().split(";")[0].trim().endsWith("json");
    }

    private static void write(Context ctx, RawResponse response) {
        JavalinBridge.write(ctx, response);
    }
}
