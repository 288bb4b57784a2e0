package org.vigil.security;

import io.quarkus.security.AuthenticationFailedException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The two authentication failures that need their own answer, told apart by attributes (the exception is final). */
public final class LoginFailures {

    private static final String RETRY_AFTER = "vigil.retry-after";
    private static final String SESSION_ENDED = "vigil.session-ended";

    private LoginFailures() {
    }

    /** The username is locked after too many failures: answered 429 with Retry-After. */
    static AuthenticationFailedException throttled(Duration retryAfter) {
        return new AuthenticationFailedException("too many failed logins", Map.of(RETRY_AFTER, retryAfter));
    }

    /** The session's account was disabled or removed: its cookie is cleared. */
    static AuthenticationFailedException sessionEnded() {
        return new AuthenticationFailedException("account disabled or removed", Map.of(SESSION_ENDED, true));
    }

    /** Whole seconds to wait, at least one, when the failure is a locked username. */
    public static Optional<Long> retryAfterSeconds(Throwable failure) {
        if (failure instanceof AuthenticationFailedException e && e.getAttribute(RETRY_AFTER) instanceof Duration wait) {
            return Optional.of(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
        }
        return Optional.empty();
    }

    public static boolean isSessionEnded(Throwable failure) {
        return failure instanceof AuthenticationFailedException e && Boolean.TRUE.equals(e.getAttribute(SESSION_ENDED));
    }
}
