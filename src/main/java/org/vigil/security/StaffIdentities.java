package org.vigil.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the SecurityIdentity of a staff account; its id is kept as an attribute for auditing. */
final class StaffIdentities {

    static final String USER_ID = "vigil.staff-user-id";

    private StaffIdentities() {
    }

    static SecurityIdentity of(StaffAccount account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(account.roles())
                .addAttribute(USER_ID, account.id())
                .build();
    }
}
