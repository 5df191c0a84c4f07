package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lets the users of one buyer or one supplier sign in through an API client. */
public record ApiClientAssignment(
        @JsonProperty("ApiClientID") String apiClientID,
        @JsonProperty("BuyerID") String buyerID,
        @JsonProperty("SupplierID") String supplierID) {
}
