package org.vigil.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Double-submit CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE) except the
 * signed webhooks, which carry no cookie: the token from the {@value CsrfToken#COOKIE} cookie must come
 * back in the {@value CsrfToken#HEADER} header or the {@value CsrfToken#FORM_FIELD} form field, else 403.
 * Safe requests get a token cookie when they have none, and templates read it from {@link CsrfToken}.
 * <p>
 * Written here rather than taken from quarkus-rest-csrf because that filter applies to every endpoint, and
 * its only way to let the signed webhooks through also lets every non-form request through unchecked.
 */
public class CsrfFilter {

    /** Signed by the sender's HMAC and never authenticated by a cookie. */
    private static final String WEBHOOKS = "/api/v1/webhooks/";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    @Inject
    CsrfToken current;

    @Inject
    CookieSettings cookies;

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(CsrfToken.COOKIE);
        String cookieToken = cookie != null && TOKEN.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
        if (SAFE_METHODS.contains(request.getMethod())) {
            if (cookieToken == null) {
                cookieToken = newToken();
                routing.response().addCookie(cookies.secure(Cookie.cookie(CsrfToken.COOKIE, cookieToken))
                        .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/"));
            }
            current.set(cookieToken);
            return;
        }
        if (routing.normalizedPath().startsWith(WEBHOOKS)) {
            return;
        }
        String sent = request.getHeaderString(CsrfToken.HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfToken.FORM_FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (cookieToken == null || sent == null || !MessageDigest.isEqual(
                cookieToken.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new CsrfRejectedException(cookieToken == null ? "no CSRF cookie" : "CSRF token missing or wrong");
        }
        current.set(cookieToken);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
