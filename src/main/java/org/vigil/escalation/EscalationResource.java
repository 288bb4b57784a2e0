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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.vigil.paging.PageCursor;
import org.vigil.paging.Pages;
import org.vigil.problem.FieldError;
import org.vigil.problem.Problem;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The security unit's view of escalation emails and cases; admins also send dead emails again. */
@Path("/api/v1/escalation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation")
public class EscalationResource {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final OutboxService outbox;
    private final CaseService cases;

    EscalationResource(OutboxService outbox, CaseService cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @GET
    @Path("/emails")
    @RolesAllowed({"security", "admin"})
    @Operation(summary = "Escalation emails in a state (PENDING, SENT, DEAD), newest first, a page at a time",
            description = "While older emails follow, the answer has a Link header with rel=\"next\": the same "
                    + "list's next page, whose cursor continues strictly below the last email shown, so no email is "
                    + "shown twice or skipped, even while new ones arrive. The last page has no Link header.")
    @APIResponse(responseCode = "200", description = "One page of emails",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\": the next (older) page, when there is one",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OutboxEntry.class)))
    @APIResponse(responseCode = "422", description = "state not PENDING, SENT or DEAD, limit not a whole number from 1 to "
            + MAX_PAGE_SIZE + ", or cursor not one this list gave out (JSON pointer ?state, ?limit or ?cursor in errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<OutboxEntry>> emails(
            @QueryParam("state") @DefaultValue("SENT")
            @Parameter(description = "PENDING, SENT or DEAD (default SENT)",
                    schema = @Schema(implementation = OutboxState.class, defaultValue = "SENT")) String stateName,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_PAGE_SIZE)
            @Parameter(description = "Emails per page, 1 to " + MAX_PAGE_SIZE + " (default " + DEFAULT_PAGE_SIZE + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_PAGE_SIZE,
                            defaultValue = "" + DEFAULT_PAGE_SIZE)) String limit,
            @QueryParam("cursor")
            @Parameter(description = "Opaque; taken from the Link header of the previous page of the same state. "
                    + "Absent: the newest emails") String cursor) throws SQLException {
        OutboxState state = state(stateName);
        int size = Pages.limit(limit, MAX_PAGE_SIZE);
        OutboxPage page = outbox.page(state, PageCursor.fromParameter("cursor", cursor, state.name(), OutboxPage.CURSOR_KEY), size);
        RestResponse.ResponseBuilder<List<OutboxEntry>> answer = RestResponse.ResponseBuilder.ok(page.emails());
        page.next().ifPresent(next -> answer.links(Pages.nextLink(
                "/api/v1/escalation/emails?state=" + state + "&limit=" + size, next)));
        return answer.build();
    }

    /** The list asked for in {@code ?state}; a value that names none is a 422, not a 404 for a resource that exists. */
    private static OutboxState state(String name) {
        try {
            return OutboxState.valueOf(name.strip());
        } catch (IllegalArgumentException notAState) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "state names no list of escalation emails",
                    List.of(new FieldError("?state", "must be one of " + Arrays.toString(OutboxState.values()))));
        }
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
