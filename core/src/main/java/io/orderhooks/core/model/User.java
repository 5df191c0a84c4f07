package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as it appears on an order (`Order.FromUser`) and in user resources. `Password` is write-only and never echoed by the engine.
 */
public record User(
        @JsonProperty("ID") String id,
        @JsonProperty("CompanyID") String companyID,
        @JsonProperty("Username") String username,
        @JsonProperty("Password") String password,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("Email") String email,
        @JsonProperty("Phone") String phone,
        @JsonProperty("TermsAccepted") OffsetDateTime termsAccepted,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("xp") JsonNode xp,
        @JsonProperty("AvailableRoles") List<String> availableRoles,
        @JsonProperty("Locale") JsonNode locale,
        @JsonProperty("DateCreated") OffsetDateTime dateCreated,
        @JsonProperty("PasswordLastSetDate") OffsetDateTime passwordLastSetDate,
        @JsonProperty("FailedLoginAttempts") Integer failedLoginAttempts,
        @JsonProperty("LastActive") OffsetDateTime lastActive) {

    /** {@code FailedLoginAttempts} is a plain int on the wire: 0 when unknown (read-only; the engine counts it). */
    public User {
        failedLoginAttempts = failedLoginAttempts == null ? 0 : failedLoginAttempts;
    }

    /** The record without the read-only {@code FailedLoginAttempts} and {@code LastActive}. */
    public User(String id, String companyID, String username, String password, String firstName, String lastName,
            String email, String phone, OffsetDateTime termsAccepted, Boolean active, JsonNode xp,
            List<String> availableRoles, JsonNode locale, OffsetDateTime dateCreated, OffsetDateTime passwordLastSetDate) {
        this(id, companyID, username, password, firstName, lastName, email, phone, termsAccepted, active, xp,
                availableRoles, locale, dateCreated, passwordLastSetDate, null, null);
    }

    /** A builder with every field unset (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to copy it with changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.companyID = companyID;
        b.username = username;
        b.password = password;
        b.firstName = firstName;
        b.lastName = lastName;
        b.email = email;
        b.phone = phone;
        b.termsAccepted = termsAccepted;
        b.active = active;
        b.xp = xp;
        b.availableRoles = availableRoles;
        b.locale = locale;
        b.dateCreated = dateCreated;
        b.passwordLastSetDate = passwordLastSetDate;
        b.failedLoginAttempts = failedLoginAttempts;
        b.lastActive = lastActive;
        return b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String companyID;
        private String username;
        private String password;
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private OffsetDateTime termsAccepted;
        private Boolean active;
        private JsonNode xp;
        private List<String> availableRoles;
        private JsonNode locale;
        private OffsetDateTime dateCreated;
        private OffsetDateTime passwordLastSetDate;
        private Integer failedLoginAttempts;
        private OffsetDateTime lastActive;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder companyID(String companyID) {
            this.companyID = companyID;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
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

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder termsAccepted(OffsetDateTime termsAccepted) {
            this.termsAccepted = termsAccepted;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder xp(JsonNode xp) {
            this.xp = xp;
            return this;
        }

        public Builder availableRoles(List<String> availableRoles) {
            this.availableRoles = availableRoles;
            return this;
        }

        public Builder locale(JsonNode locale) {
            this.locale = locale;
            return this;
        }

        public Builder dateCreated(OffsetDateTime dateCreated) {
            this.dateCreated = dateCreated;
            return this;
        }

        /** Consecutive failed password logins; the engine counts and resets it (read-only for callers). */
        public Builder failedLoginAttempts(Integer failedLoginAttempts) {
            this.failedLoginAttempts = failedLoginAttempts;
            return this;
        }

        public Builder lastActive(OffsetDateTime lastActive) {
            this.lastActive = lastActive;
            return this;
        }

        public Builder passwordLastSetDate(OffsetDateTime passwordLastSetDate) {
            this.passwordLastSetDate = passwordLastSetDate;
            return this;
        }

        public User build() {
            return new User(id, companyID, username, password, firstName, lastName, email, phone, termsAccepted, active, xp, availableRoles, locale, dateCreated, passwordLastSetDate,
                    failedLoginAttempts, lastActive);
        }
    }
}
