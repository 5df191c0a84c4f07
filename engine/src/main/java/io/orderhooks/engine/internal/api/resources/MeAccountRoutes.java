package io.orderhooks.engine.internal.api.resources;

import static io.orderhooks.engine.internal.api.RouteTable.roles;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.User;
import io.orderhooks.engine.internal.api.ApiContext;
import io.orderhooks.engine.internal.api.ApiRequest;
import io.orderhooks.engine.internal.api.ApiRoute;
import io.orderhooks.engine.internal.api.RouteTable;
import io.orderhooks.engine.internal.api.auth.AccessClaims;
import io.orderhooks.engine.internal.api.auth.AccountRecovery;
import io.orderhooks.engine.internal.api.auth.Registration;

/**
 * Account self-service: {@code PUT v1/me/register} (Shopper, anonymous only; {@link Registration}),
 * {@code POST v1/me/password} (PasswordReset; {@code Me.ResetPasswordByToken}), and the token-less
 * {@code ForgottenCredentials} routes {@code POST v1/password/reset}, {@code PUT v1/password/reset/{verificationCode}}
 * and {@code POST v1/username/retrieve} ({@link AccountRecovery}: 204 whether or not the account exists).
 */
public final class MeAccountRoutes {

    private MeAccountRoutes() {}

    public static void register(RouteTable t, ApiContext ctx) {
        AccountRecovery recovery = new AccountRecovery(ctx.engine(), ctx.oauth().tokens());
        Registration registration = new Registration(ctx.engine(), ctx.oauth(), recovery);
        t.put("v1/me/register", roles("Shopper"), r -> registration.register(r.caller(), anonCart(ctx, r),
                ctx.body(r, User.class)));
        t.add(new ApiRoute("POST", "v1/me/password", roles("PasswordReset"), 204, r -> {
            recovery.resetByToken(ctx.caller(r), text(r.bodyObject(), "NewPassword"));
            return null;
        }));
        t.add(new ApiRoute("POST", "v1/password/reset", null, 204, r -> {
            JsonNode b = r.bodyObject();
            recovery.sendVerificationCode(text(b, "ClientID"), text(b, "Username"), text(b, "Email"), text(b, "URL"));
            return null;
        }));
        t.add(new ApiRoute("PUT", "v1/password/reset/{verificationCode}", null, 204, r -> {
            JsonNode b = r.bodyObject();
            recovery.resetByCode(r.param("verificationCode"), text(b, "ClientID"), text(b, "Username"), text(b, "Password"));
            return null;
        }));
        t.add(new ApiRoute("POST", "v1/username/retrieve", null, 204, r -> {
            recovery.retrieveUsername(r.queryParam("clientID"), r.queryParam("email"));
            return null;
        }));
    }

    /** The anonymous token of {@code anonUserToken}, or null when absent; 400 when it is not a valid token. */
    private static AccessClaims anonCart(ApiContext ctx, ApiRequest r) {
        String token = r.queryParam("anonUserToken");
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return ctx.oauth().tokens().verify(token);
        } catch (OrderCloudException e) {
            throw OrderCloudException.validation("anonUserToken is not a valid access token: " + e.getMessage());
        }
    }

    /** A text field of a JSON body (null when absent); 400 when it is not a string. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw OrderCloudException.validation(field + " must be a string");
        }
        return v.asText();
    }
}
