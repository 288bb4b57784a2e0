package org.vigil.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigil.problem.Problem;
import org.vigil.problem.ProblemType;
import org.vigil.security.LoginFailures;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Answers authentication failures that happen before a resource runs: a locked username gets 429 with
 * Retry-After, a session whose account was disabled loses its cookie, and API paths get problem+json
 * 401 instead of the login page. Everything else keeps Quarkus' default (the form's redirects).
 */
@ApplicationScoped
public class AuthFailureResponses {

    /** After Quarkus puts its failure handler in place (-200) and before the login form post runs (-150). */
    private static final int ORDER = -175;

    private final ObjectMapper json;
    private final Template throttled;
    private final String sessionCookie;

    AuthFailureResponses(ObjectMapper json, @Location("web/throttled.html") Template throttled,
                         @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.json = json;
        this.throttled = throttled;
        this.sessionCookie = sessionCookie;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            BiConsumer<RoutingContext, Throwable> quarkusDefault = ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER,
                    (BiConsumer<RoutingContext, Throwable>) (event, failure) -> respond(event, failure, quarkusDefault));
            ctx.next();
        });
    }

    private void respond(RoutingContext ctx, Throwable failure, BiConsumer<RoutingContext, Throwable> quarkusDefault) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable cause = DefaultAuthFailureHandler.extractRootCause(failure);
        Optional<Long> retryAfter = LoginFailures.retryAfterSeconds(cause);
        if (retryAfter.isPresent()) {
            tooManyAttempts(ctx, retryAfter.get());
            return;
        }
        if (LoginFailures.isSessionEnded(cause)) {
            ctx.response().addCookie(Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0));
        }
        if (cause instanceof AuthenticationFailedException && ctx.normalizedPath().startsWith("/api/")) {
            problem(ctx, ProblemType.UNAUTHENTICATED, "Log in again: the session is no longer valid");
            return;
        }
        if (quarkusDefault != null) {
            quarkusDefault.accept(ctx, failure);
        } else {
            ctx.fail(failure);
        }
    }

    private void tooManyAttempts(RoutingContext ctx, long retryAfterSeconds) {
        ctx.response().setStatusCode(429).putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("json")) {
            problem(ctx, ProblemType.TOO_MANY_LOGIN_ATTEMPTS, "Try again in " + retryAfterSeconds + " seconds");
            return;
        }
        Cookie language = ctx.request().getCookie(Languages.COOKIE);
        String page = throttled.instance()
                .setLocale(Locale.forLanguageTag(Languages.choose(language == null ? null : language.getValue(),
                        ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))))
                .data("minutes", Math.max(1, (retryAfterSeconds + 59) / 60))
                .render();
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8").end(page);
    }

    private void problem(RoutingContext ctx, ProblemType type, String detail) {
        try {
            ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(type, detail, ctx.normalizedPath(), List.of())));
        } catch (JsonProcessingException impossible) {
            ctx.fail(impossible);
        }
    }
}
