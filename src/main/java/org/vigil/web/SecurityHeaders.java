package org.vigil.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigil.security.CookieSettings;

import java.net.URI;

/**
 * Security headers on every response (a strict Content-Security-Policy: no inline script or style, so
 * pages load /static/*.js and *.css only), Secure on every cookie Vigil sends (the session cookie too),
 * and a same-origin check on the login form post, which is not a REST endpoint and so not covered by the CSRF token.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Quarkus' own tools (Swagger UI) use inline scripts; they move to the management port. */
    private static final String QUARKUS_TOOLS = "/q/";
    private static final String STATIC = "/static/";

    private final CookieSettings cookies;
    private final String loginPost;

    SecurityHeaders(CookieSettings cookies,
                    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                    String loginPost) {
        this.cookies = cookies;
        this.loginPost = loginPost;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().equals(loginPost) && !sameOrigin(ctx)) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            if (!ctx.normalizedPath().startsWith(STATIC) && !headers.contains("Cache-Control")) {
                // Pages show abusive text and personal data: never keep them in a shared or back-button cache.
                headers.set("Cache-Control", "no-store");
            }
            if (!ctx.normalizedPath().startsWith(QUARKUS_TOOLS)) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            }
            if (ctx.request().isSSL()) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
            if (cookies.secureCookies()) {
                for (Cookie cookie : ctx.request().cookies()) {
                    if (cookie instanceof ServerCookie sent && !sent.isFromUserAgent()) {
                        cookie.setSecure(true);
                    }
                }
            }
        });
        ctx.next();
    }

    /** A browser always sends Origin on a form post; a missing one (curl, tests) is not a cross-site request. */
    private static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(ctx.request().getHeader("Host"));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
