package org.vigil.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a username and password posted to the login form. A locked username is refused before its
 * password is looked at; every failure, for a known user or not, costs one bcrypt check and counts
 * toward the lock, so neither timing nor answers tell which usernames exist.
 */
@ApplicationScoped
public class PasswordLoginProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Compared against when the user does not exist, so that such a failure takes as long as any other. */
    private static final String ABSENT_USER_HASH = BcryptUtil.bcryptHash("no such user");

    private final StaffUserRepository users;
    private final LoginThrottle throttle;
    private final LoginEvents events;

    PasswordLoginProvider(StaffUserRepository users, LoginThrottle throttle, LoginEvents events) {
        this.users = users;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request.getUsername().strip().toLowerCase(Locale.ROOT),
                new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity check(String username, String password) {
        Optional<java.time.Duration> locked = throttle.lockedFor(username);
        if (locked.isPresent()) {
            events.throttled(username);
            throw LoginFailures.throttled(locked.get());
        }
        Optional<StaffAccount> account = users.findByUsername(username);
        boolean matches = BcryptUtil.matches(password, account.map(StaffAccount::passwordHash).orElse(ABSENT_USER_HASH));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            throttle.recordFailure(username);
            events.failed(username);
            throw new AuthenticationFailedException("wrong username or password");
        }
        throttle.clear(username);
        events.succeeded(username);
        return StaffIdentities.of(account.get());
    }
}
