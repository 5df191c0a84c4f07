package io.orderhooks.engine.internal.orgs;

/**
 * Who may use a buyer-scoped resource (cost center, credit card): the whole buyer (both IDs null), a user
 * group or one user. The routes translate it to and from OrderCloud's per-resource assignment models.
 */
public record ResourceAssignment(String resourceID, String userID, String userGroupID) {}
