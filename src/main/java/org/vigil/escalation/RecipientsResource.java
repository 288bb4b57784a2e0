package org.vigil.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;

import java.sql.SQLException;
import java.util.List;

/** The recipient lists (p1 ... p4, tiers) as admins change them at runtime; a list without a stored value follows the configuration. */
@Path("/api/v1/escalation/recipients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation")
public class RecipientsResource {

    /** @param recipients comma-separated addresses, {@code fr:} before one for French emails; tiers separated by ';' */
    public record RecipientsEdit(String recipients) {
    }

    private final RecipientService recipients;
    private final ObjectMapper json;

    RecipientsResource(RecipientService recipients, ObjectMapper json) {
        this.recipients = recipients;
        this.json = json;
    }

    @GET
    @Operation(summary = "Every recipient list: configured, stored by an admin, and which is in force")
    public List<RecipientService.ListView> lists() throws SQLException {
        return recipients.lists();
    }

    @PUT
    @Path("{list}")
    @Operation(summary = "Replaces a list (p1 ... p4, tiers) until reset; refused whole naming the bad address")
    public RecipientService.ListView set(@PathParam("list") String list, String body, @Context SecurityContext user)
            throws SQLException, JsonProcessingException {
        RecipientList named = list(list);
        RecipientsEdit edit = json.readValue(body == null ? "" : body, RecipientsEdit.class);
        if (edit == null || edit.recipients() == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "The body needs \"recipients\"",
                    List.of(new FieldError("/recipients", "required")));
        }
        return recipients.set(named, edit.recipients(), user.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{list}")
    @Operation(summary = "Returns a list to its configuration")
    public RecipientService.ListView reset(@PathParam("list") String list, @Context SecurityContext user)
            throws SQLException {
        return recipients.reset(list(list), user.getUserPrincipal().getName());
    }

    static RecipientList list(String name) {
        return RecipientList.named(name).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No recipient list '" + name + "': p1, p2, p3, p4 or tiers"));
    }
}
