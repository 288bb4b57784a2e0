package org.vigil.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rebuilds the identity of a logged-in user from the session cookie on each request, from the database:
 * a disabled account or a changed role takes effect at the next request, not at the next login.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffUserRepository users;

    SessionIdentityProvider(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.findByUsername(request.getPrincipal())
                .filter(StaffAccount::enabled)
                .map(StaffIdentities::of)
                .orElseThrow(LoginFailures::sessionEnded));
    }

}
