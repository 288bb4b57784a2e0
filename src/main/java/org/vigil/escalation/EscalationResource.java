package org.vigil.escalation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The security unit's view of escalation emails and cases; admins also send dead emails again. */
@Path("/api/v1/escalation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation")
public class EscalationResource {

    private static final int MAX_LIST = 500;

    private final OutboxService outbox;
    private final CaseService cases;

    EscalationResource(OutboxService outbox, CaseService cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @GET
    @Path("/emails")
    @RolesAllowed({"security", "admin"})
    @Operation(summary = "Escalation emails in a state (PENDING, SENT, DEAD), newest first")
    public List<OutboxEntry> emails(@QueryParam("state") @DefaultValue("SENT") OutboxState state,
                                    @QueryParam("limit") @DefaultValue("50") int limit)
            throws SQLException {
        if (limit < 1 || limit > MAX_LIST) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "limit must be from 1 to " + MAX_LIST,
                    List.of(new FieldError("?limit", "must be a whole number from 1 to " + MAX_LIST)));
        }
        return outbox.list(state, limit);
    }

    @POST
    @Path("/emails/{id}/resend")
    @RolesAllowed("admin")
    @Operation(summary = "Sends a dead-letter email again, with a fresh set of attempts")
    public void resend(@PathParam("id") long id) throws SQLException {
        outbox.resend(id);
    }

    @POST
    @Path("/cases/{id}/acknowledge")
    @RolesAllowed({"security", "admin"})
    @Operation(summary = "Takes an open case; everyone alerted is told")
    public void acknowledge(@PathParam("id") UUID id, @Context SecurityContext user) throws SQLException {
        if (!cases.acknowledge(id, user.getUserPrincipal().getName())) {
            throw closed(id);
        }
    }

    @POST
    @Path("/cases/{id}/resolve")
    @RolesAllowed({"security", "admin"})
    @Operation(summary = "Closes a case; everyone alerted is told")
    public void resolve(@PathParam("id") UUID id, @Context SecurityContext user) throws SQLException {
        if (!cases.resolve(id, user.getUserPrincipal().getName())) {
            throw closed(id);
        }
    }

    private ProblemException closed(UUID id) throws SQLException {
        return cases.find(id).map(found -> new ProblemException(ProblemType.CASE_CLOSED,
                        "Case " + id + " is " + found.state()))
                .orElseGet(() -> new ProblemException(ProblemType.NOT_FOUND, "No escalation case " + id));
    }
}
