package io.orderhooks.engine.internal.api.resources;

import io.orderhooks.core.error.OrderCloudException;
import java.util.Locale;

/** The {@code level} filter of assignment lists: {@code Company}, {@code Group} or {@code User}. */
final class Levels {

    private Levels() {}

    static boolean matches(String level, String userID, String userGroupID) {
        if (level == null) {
            return true;
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "company" -> userID == null && userGroupID == null;
            case "group" -> userGroupID != null;
            case "user" -> userID != null;
            default -> throw OrderCloudException.validation("level must be Company, Group or User, was " + level);
        };
    }
}
