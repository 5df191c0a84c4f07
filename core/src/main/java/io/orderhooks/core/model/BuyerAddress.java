package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * An address as a buyer user sees it ({@code GET v1/me/addresses}): the address plus whether the user may
 * ship to it, bill to it, and edit it (their own private addresses).
 */
public record BuyerAddress(
        @JsonProperty("Shipping") Boolean shipping,
        @JsonProperty("Billing") Boolean billing,
        @JsonProperty("Editable") Boolean editable,
        @JsonProperty("ID") String id,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("CompanyName") String companyName,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("Street1") String street1,
        @JsonProperty("Street2") String street2,
        @JsonProperty("City") String city,
        @JsonProperty("State") String state,
        @JsonProperty("Zip") String zip,
        @JsonProperty("Country") String country,
        @JsonProperty("Phone") String phone,
        @JsonProperty("AddressName") String addressName,
        @JsonProperty("xp") JsonNode xp) {

    public static BuyerAddress of(Address a, boolean shipping, boolean billing, boolean editable) {
        return new BuyerAddress(shipping, billing, editable, a.id(), a.dateCreated(), a.companyName(), a.firstName(),
                a.lastName(), a.street1(), a.street2(), a.city(), a.state(), a.zip(), a.country(), a.phone(),
                a.addressName(), a.xp());
    }
}
