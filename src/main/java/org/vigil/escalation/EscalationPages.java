package org.vigil.escalation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.problem.ProblemException;
import org.vigil.security.Roles;

import java.net.URI;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The security unit's page: what was sent, what waits, the dead letter (admins send it again), each a page at a
 * time, the cases not yet resolved (acknowledge, resolve) and the pipeline alarms raised. Each action is a form
 * post ending in a redirect back to the page.
 */
@Path("/escalation")
@RolesAllowed({Roles.SECURITY, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Blocking
public class EscalationPages {

    @CheckedTemplate(basePath = "escalation")
    static class Templates {
        static native TemplateInstance security(EscalationOverview.Overview overview, boolean done, String error);
    }

    private final EscalationOverview overview;
    private final OutboxService outbox;
    private final CaseService cases;
    private final SecurityIdentity identity;

    EscalationPages(EscalationOverview overview, OutboxService outbox, CaseService cases, SecurityIdentity identity) {
        this.overview = overview;
        this.outbox = outbox;
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@QueryParam("done") boolean done, @Context UriInfo uri) throws SQLException {
        return Templates.security(overview.overview(ListStarts.fromQuery(uri.getQueryParameters())), done, null);
    }

    @POST
    @Path("emails/{id}/resend")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response resend(@PathParam("id") long id) throws SQLException {
        try {
            outbox.resend(id);
            return done();
        } catch (ProblemException refused) {
            return refused(refused.type().status(), refused.getMessage());
        }
    }

    @POST
    @Path("cases/{id}/acknowledge")
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("id") UUID id) throws SQLException {
        return cases.acknowledge(id, identity.getPrincipal().getName()) ? done() : closed(id);
    }

    @POST
    @Path("cases/{id}/resolve")
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") UUID id) throws SQLException {
        return cases.resolve(id, identity.getPrincipal().getName()) ? done() : closed(id);
    }

    private Response closed(UUID id) throws SQLException {
        Optional<EscalationCase> found = cases.find(id);
        return refused(found.isPresent() ? 409 : 404,
                found.map(escalation -> "case " + id + " is " + escalation.state()).orElse("no case " + id));
    }

    private static Response done() {
        return Response.seeOther(URI.create("/escalation?done=true")).build();
    }

    private Response refused(int status, String error) throws SQLException {
        return Response.status(status)
                .entity(Templates.security(overview.overview(ListStarts.TOP), false, error)).build();
    }
}
