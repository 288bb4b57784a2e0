package org.vigil.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.vigil.security.Roles;

/** Who is looking at the page, for templates ({@code inject:staff}): the layout's menu shows only what their roles allow. */
@Named("staff")
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityIdentity identity;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Reviewers and the security unit both work the queue. */
    public boolean isReviewer() {
        return hasRole(Roles.REVIEWER) || hasRole(Roles.SECURITY);
    }

    public boolean isSecurity() {
        return hasRole(Roles.SECURITY);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
