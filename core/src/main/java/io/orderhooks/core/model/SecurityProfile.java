package io.orderhooks.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A named set of API roles ({@code Roles}, OrderCloud's role names) and custom roles. Assigned to the
 * seller, a buyer, a supplier, a user group or a user; a user's token may carry any role of a profile
 * assigned at a level that applies to the user.
 */
public record SecurityProfile(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Roles") List<String> roles,
        @JsonProperty("CustomRoles") List<String> customRoles,
        @JsonProperty("PasswordConfig") JsonNode passwordConfig,
        @JsonProperty("IsExternalRoleGroup") Boolean isExternalRoleGroup) {
}
