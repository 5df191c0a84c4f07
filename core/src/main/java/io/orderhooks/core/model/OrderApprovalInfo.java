package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional body of approve and decline.
 */
public record OrderApprovalInfo(
        @JsonProperty("Comments") String comments,
        @JsonProperty("AllowResubmit") Boolean allowResubmit) {
}
