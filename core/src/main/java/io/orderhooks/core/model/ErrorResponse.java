package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** OrderCloud's error envelope: {@code {"Errors":[{"ErrorCode","Message","Data"}]}}. */
public record ErrorResponse(@JsonProperty("Errors") List<ApiError> errors) {

    public ErrorResponse {
        errors = List.copyOf(errors);
    }

    public static ErrorResponse of(String errorCode, String message, JsonNode data) {
        return new ErrorResponse(List.of(new ApiError(errorCode, message, data)));
    }

    public static ErrorResponse of(String errorCode, String message) {
        return of(errorCode, message, null);
    }
}
