package org.vigil.security;

import java.time.Instant;
import java.util.Set;

/** A staff member's account as stored; {@code passwordHash} never leaves the security package's services. */
public record StaffAccount(long id, String username, String passwordHash, boolean enabled, Set<String> roles,
                           Instant createdAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
