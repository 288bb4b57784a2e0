package org.vigil.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.classify.ReclassificationService;
import org.vigil.security.Roles;

import java.net.URI;
import java.sql.SQLException;

/** The classifier admin page: model version, re-classification progress and its button, the shadow model. */
@Path("/admin/classifier")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ClassifierPages {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance classifier(ReclassificationService.Progress progress,
                ClassifierAdmin.ShadowReport shadow);
    }

    private final ClassifierAdmin classifier;

    ClassifierPages(ClassifierAdmin classifier) {
        this.classifier = classifier;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() throws SQLException {
        return Templates.classifier(classifier.progress(), classifier.shadow());
    }

    @POST
    @Path("reclassify")
    @Operation(hidden = true)
    public Response reclassify() throws SQLException {
        classifier.reclassify(null);
        return Response.seeOther(URI.create("/admin/classifier")).build();
    }
}
