package org.vigil.escalation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.problem.FieldError;
import org.vigil.problem.ProblemException;
import org.vigil.security.Roles;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** The recipients page for admins: each list, where it comes from (configuration or an admin), and a form to change it. */
@Path("/admin/recipients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class RecipientsPage {

    @CheckedTemplate(basePath = "escalation")
    static class Templates {
        static native TemplateInstance recipients(List<RecipientService.ListView> lists, String error);
    }

    private final RecipientService recipients;
    private final SecurityIdentity identity;

    RecipientsPage(RecipientService recipients, SecurityIdentity identity) {
        this.recipients = recipients;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() throws SQLException {
        return Templates.recipients(recipients.lists(), null);
    }

    @POST
    @Path("{list}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response set(@PathParam("list") String list, @FormParam("recipients") String entries) throws SQLException {
        try {
            recipients.set(RecipientsResource.list(list), entries, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/recipients")).build();
        } catch (ProblemException refused) {
            String error = refused.errors().stream().map(FieldError::detail)
                    .collect(Collectors.joining("; ", refused.getMessage() + ": ", ""));
            return Response.status(refused.type().status()).entity(Templates.recipients(recipients.lists(), error)).build();
        }
    }

    @POST
    @Path("{list}/reset")
    @Operation(hidden = true)
    public Response reset(@PathParam("list") String list) throws SQLException {
        recipients.reset(RecipientsResource.list(list), identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/admin/recipients")).build();
    }
}
