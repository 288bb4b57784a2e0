package org.vigil.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Webhook integrations as JSON, for admins. Secrets appear only in the answer that issues them. */
@Path("/api/v1/admin/integrations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: integrations", description = "Webhook senders and their signing secrets (role admin)")
public class IntegrationAdminResource {

    public record NewIntegration(String name) {
    }

    public record Rotation(Long graceMinutes) {
    }

    private final IntegrationAdmin integrations;

    IntegrationAdminResource(IntegrationAdmin integrations) {
        this.integrations = integrations;
    }

    @GET
    @Operation(summary = "Every integration, with its secrets' fingerprints and expiry")
    public List<IntegrationAdmin.IntegrationView> list() {
        return integrations.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One integration")
    public IntegrationAdmin.IntegrationView get(@PathParam("id") long id) {
        return integrations.get(id);
    }

    @POST
    @Operation(summary = "Create an integration; its secret is in this answer only")
    public Response create(NewIntegration integration) {
        IntegrationAdmin.IssuedSecret issued = integrations.create(UserAdminResource.require(integration).name());
        return Response.created(URI.create("/api/v1/admin/integrations/" + issued.integration().id())).entity(issued).build();
    }

    @POST
    @Path("{id}/rotate")
    @Operation(summary = "Issue a new secret (in this answer only); the old ones stay valid for graceMinutes, then expire")
    public IntegrationAdmin.IssuedSecret rotate(@PathParam("id") long id, Rotation rotation) {
        if (rotation == null || rotation.graceMinutes() == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "graceMinutes is required");
        }
        return integrations.rotate(id, Duration.ofMinutes(rotation.graceMinutes()));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke the integration: its deliveries are refused from now on")
    public IntegrationAdmin.IntegrationView revoke(@PathParam("id") long id) {
        return integrations.revoke(id);
    }
}
