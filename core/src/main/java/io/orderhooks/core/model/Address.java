package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * An address: buyer, supplier, admin or "me" address, or one copied onto an order or line item.
 */
public record Address(
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

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.dateCreated = dateCreated;
        b.companyName = companyName;
        b.firstName = firstName;
        b.lastName = lastName;
        b.street1 = street1;
        b.street2 = street2;
        b.city = city;
        b.state = state;
        b.zip = zip;
        b.country = country;
        b.phone = phone;
        b.addressName = addressName;
        b.xp = xp;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private OffsetDateTime dateCreated;
        private String companyName;
        private String firstName;
        private String lastName;
        private String street1;
        private String street2;
        private String city;
        private String state;
        private String zip;
        private String country;
        private String phone;
        private String addressName;
        private JsonNode xp;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        public Builder street1(String street1) {
            this.street1 = street1;
            return this;
        }

        public Builder street2(String street2) {
            this.street2 = street2;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder zip(String zip) {
            this.zip = zip;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder addressName(String addressName) {
            this.addressName = addressName;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Address build() {
            return new Address(id, dateCreated, companyName, firstName, lastName, street1, street2, city, state, zip, country, phone, addressName, xp);
        }
    }
}
