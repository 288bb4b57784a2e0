package org.vigil.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Staff accounts and login protection. */
@ConfigMapping(prefix = "vigil.security")
public interface SecurityConfig {

    /** Password of the {@code admin} account created on first start ({@code VIGIL_ADMIN_PASSWORD}); generated and printed once when absent. */
    Optional<String> adminPassword();

    /** Marks every cookie Secure (sent over HTTPS only; browsers also accept it on http://localhost). */
    @WithDefault("true")
    boolean secureCookies();

    /** Failed logins for one username within {@link #failureWindow()} before it is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long failed logins are remembered. */
    @WithDefault("PT15M")
    Duration failureWindow();

    /** How long a username stays locked after too many failures. */
    @WithDefault("PT15M")
    Duration lockDuration();
}
