package org.vigil.security;

import java.time.Instant;
import java.util.List;

/** A staff account as the admin pages, the API and the audit log show it: never with its password hash. */
public record StaffUserView(long id, String username, List<String> roles, boolean enabled, Instant createdAt) {

    public static StaffUserView of(StaffAccount account) {
        return new StaffUserView(account.id(), account.username(), StaffAccounts.sorted(account.roles()).stream().toList(),
                account.enabled(), account.createdAt());
    }
}
