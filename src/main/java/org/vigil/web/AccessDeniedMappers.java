package org.vigil.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.problem.ProblemResponses;
import org.vigil.problem.ProblemType;
import org.vigil.security.CsrfRejectedException;

import java.net.URI;
import java.util.List;

/**
 * Refusals by role or CSRF check: API paths ({@code /api/...}) answer problem+json (401, 403), pages
 * send an anonymous visitor to the login page and show a logged-in one a 403 page.
 */
public class AccessDeniedMappers {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance forbidden();
    }

    /** Not for AuthenticationFailedException: Quarkus would route login form failures here too (see AuthFailureResponses). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        if (isApi(uri)) {
            return ProblemResponses.of(ProblemType.UNAUTHENTICATED, "This endpoint needs a logged-in session",
                    uri.getPath(), List.of());
        }
        return Response.seeOther(URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return refuse(ProblemType.FORBIDDEN, "Your roles do not allow this", uri);
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e, UriInfo uri) {
        return refuse(ProblemType.CSRF_TOKEN_INVALID, "Send the CSRF token from the vigil-csrf cookie in the "
                + "X-CSRF-Token header or the csrf-token form field", uri);
    }

    private static Response refuse(ProblemType type, String detail, UriInfo uri) {
        if (isApi(uri)) {
            return ProblemResponses.of(type, detail, uri.getPath(), List.of());
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden()).build();
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }
}
