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
 * post ending in a redirect back to the page, with every list where it was.
 */
@Path("/escalation")
@RolesAllowed({Roles.SECURITY, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
@Blocking
public class EscalationPages {

    @CheckedTemplate(basePath = "escalation")
    static class Templates {
        static native TemplateInstance security(EscalationOverview.Overview overview, ListStarts starts, boolean done,
                String error);
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
        ListStarts starts = ListStarts.fromQuery(uri.getQueryParameters());
        return Templates.security(overview.overview(starts), starts, done, null);
    }

    @POST
    @Path("emails/{id}/resend")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response resend(@PathParam("id") long id, @Context UriInfo uri) throws SQLException {
        ListStarts starts = ListStarts.fromQuery(uri.getQueryParameters());
        try {
            outbox.resend(id);
            return done(starts);
        } catch (ProblemException refused) {
            return refused(starts, refused.type().status(), refused.getMessage());
        }
    }

    @POST
    @Path("cases/{id}/acknowledge")
    @Operation(hidden = true)
    public Response acknowledge(@PathParam("id") UUID id, @Context UriInfo uri) throws SQLException {
        ListStarts starts = ListStarts.fromQuery(uri.getQueryParameters());
        return cases.acknowledge(id, identity.getPrincipal().getName()) ? done(starts) : closed(starts, id);
    }

    @POST
    @Path("cases/{id}/resolve")
    @Operation(hidden = true)
    public Response resolve(@PathParam("id") UUID id, @Context UriInfo uri) throws SQLException {
        ListStarts starts = ListStarts.fromQuery(uri.getQueryParameters());
        return cases.resolve(id, identity.getPrincipal().getName()) ? done(starts) : closed(starts, id);
    }

    private Response closed(ListStarts starts, UUID id) throws SQLException {
        Optional<EscalationCase> found = cases.find(id);
        return refused(starts, found.isPresent() ? 409 : 404,
                found.map(escalation -> "case " + id + " is " + escalation.state()).orElse("no case " + id));
    }

    /** Back to the page where the reader was: every list keeps its place. */
    private static Response done(ListStarts starts) {
        return Response.seeOther(URI.create(starts.afterAction())).build();
    }

    private Response refused(ListStarts starts, int status, String error) throws SQLException {
        return Response.status(status)
                .entity(Templates.security(overview.overview(starts), starts, false, error)).build();
    }
}
