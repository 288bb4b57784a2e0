package org.vigil.security;

import java.util.List;

/**
 * The staff roles, in one place. Use the constants in {@code @RolesAllowed} and in templates; the
 * database mirrors them in a CHECK constraint on {@code staff_user_role.role}.
 */
public final class Roles {

    /** Works the review queue. */
    public static final String REVIEWER = "reviewer";
    /** The security unit: escalations, plus everything a reviewer sees. */
    public static final String SECURITY = "security";
    /** Runs Vigil: users, MPs, integrations, the audit log. */
    public static final String ADMIN = "admin";

    /** Every role, in the order the admin pages list them. */
    public static final List<String> ALL = List.of(REVIEWER, SECURITY, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
