package org.vigil.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.security.Roles;

import java.sql.SQLException;

/** A stored mention with every classification it received and where it stands in review. */
@Path("/api/v1/mentions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.SECURITY})
@Tag(name = "Review")
public class MentionResource {

    private final MentionService service;

    MentionResource(MentionService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A mention (text masked), its classifications (newest first) and its review item, if any")
    public MentionService.MentionView mention(@PathParam("id") String id) throws SQLException {
        return service.mention(ReviewResource.itemId(id));
    }
}
