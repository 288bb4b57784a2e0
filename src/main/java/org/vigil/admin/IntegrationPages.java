package org.vigil.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The integrations admin pages: list and create, rotate with a grace period, revoke. */
@Path("/admin/integrations")
@RolesAllowed(org.vigil.security.Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class IntegrationPages {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance integrations(List<IntegrationAdmin.IntegrationView> integrations, String error);

        static native TemplateInstance integration(IntegrationAdmin.IntegrationView integration, String error);
    }

    private final IntegrationAdmin integrations;

    IntegrationPages(IntegrationAdmin integrations) {
        this.integrations = integrations;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.integrations(integrations.list(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("name") String name) {
        return FormErrors.orShow(() -> {
            IntegrationAdmin.IssuedSecret issued = integrations.create(name);
            return Response.ok(UserPages.Templates.once(issued.integration().name(), issued.secret(),
                    "/admin/integrations/" + issued.integration().id())).build();
        }, error -> Templates.integrations(integrations.list(), error));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.integration(integrations.get(id), null);
    }

    @POST
    @Path("{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rotate(@PathParam("id") long id, @FormParam("graceMinutes") long graceMinutes) {
        return FormErrors.orShow(() -> {
            IntegrationAdmin.IssuedSecret issued = integrations.rotate(id, Duration.ofMinutes(graceMinutes));
            return Response.ok(UserPages.Templates.once(issued.integration().name(), issued.secret(),
                    "/admin/integrations/" + id)).build();
        }, error -> Templates.integration(integrations.get(id), error));
    }

    @POST
    @Path("{id}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") long id) {
        return FormErrors.orShow(() -> {
            integrations.revoke(id);
            return Response.seeOther(URI.create("/admin/integrations/" + id)).build();
        }, error -> Templates.integration(integrations.get(id), error));
    }
}
