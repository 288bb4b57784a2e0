package org.vigil.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.security.LoginEvents;

import java.net.URI;

/**
 * The login page (the form posts to Quarkus' {@code /j_security_check}) and logout. Logging out clears
 * the session cookie; an idle session ends after {@code quarkus.http.auth.form.timeout}.
 */
@Path("/")
@Blocking
public class LoginResource {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut);
    }

    private final SecurityIdentity identity;
    private final LoginEvents events;

    LoginResource(SecurityIdentity identity, LoginEvents events) {
        this.identity = identity;
        this.events = events;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response login(@QueryParam("error") boolean error, @QueryParam("logged-out") boolean loggedOut) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error, loggedOut)).build();
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(RoutingContext routing) {
        if (!identity.isAnonymous()) {
            events.loggedOut(identity.getPrincipal().getName());
            FormAuthenticationMechanism.logout(routing);
        }
        return Response.seeOther(URI.create("/login?logged-out=true")).build();
    }
}
