package io.orderhooks.engine.internal.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.ApiError;
import java.util.List;

/**
 * The body of a failed {@code POST /oauth/token}: OAuth 2's {@code error}/{@code error_description} plus
 * OrderCloud's {@code Errors}, so both OAuth libraries and OrderCloud SDKs read it.
 */
public record OAuthError(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("Errors") List<ApiError> errors) {

    /** Thrown by the token endpoint; {@code oauthError} is e.g. {@code invalid_grant}, {@code invalid_client}. */
    public static final class Failure extends OrderCloudException {
        private final String oauthError;

        public Failure(int status, String oauthError, String errorCode, String message) {
            super(status, errorCode, message);
            this.oauthError = oauthError;
        }

        public OAuthError body() {
            return new OAuthError(oauthError, getMessage(), List.of(toApiError()));
        }
    }
}
