package org.vigil.security;

import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies {@link SecurityConfig#secureCookies()} to the cookies Vigil sets itself. */
@ApplicationScoped
public class CookieSettings {

    private final SecurityConfig config;

    CookieSettings(SecurityConfig config) {
        this.config = config;
    }

    public Cookie secure(Cookie cookie) {
        return cookie.setSecure(config.secureCookies());
    }

    public boolean secureCookies() {
        return config.secureCookies();
    }
}
