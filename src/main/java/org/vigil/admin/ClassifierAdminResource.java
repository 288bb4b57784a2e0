package org.vigil.admin;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.classify.ReclassificationService;
import org.vigil.security.Roles;

import java.sql.SQLException;

/** The classifier for admins, as JSON: the model in force, re-classification and its progress. */
@Path("/api/v1/admin/classifier")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "Admin: classifier", description = "Model version, re-classification, shadow model (role admin)")
public class ClassifierAdminResource {

    /** Optional body of a re-classification: the model version the admin expects to be in force. */
    public record ReclassifyOrder(String expectedModelVersion) {
    }

    private final ClassifierAdmin classifier;

    ClassifierAdminResource(ClassifierAdmin classifier) {
        this.classifier = classifier;
    }

    @GET
    @Operation(summary = "The model in force, how many mentions still carry an older model version, the latest "
            + "re-classification request")
    public ReclassificationService.Progress status() throws SQLException {
        return classifier.progress();
    }

    @GET
    @Path("shadow")
    @Operation(summary = "The shadow model beside the live one, per language and category: how often their labels "
            + "agree, and on mentions reviewers decided, which model matched the decision")
    public ClassifierAdmin.ShadowReport shadow() throws SQLException {
        return classifier.shadow();
    }

    @POST
    @Path("reclassify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-classify every triaged mention with the model in force, in a low-priority lane that "
            + "gives way to new mentions (202; asking again while one is pending returns that one)")
    public Response reclassify(ReclassifyOrder order) throws SQLException {
        return Response.accepted(classifier.reclassify(order == null ? null : order.expectedModelVersion())).build();
    }
}
