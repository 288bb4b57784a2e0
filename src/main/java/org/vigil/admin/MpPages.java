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
import org.vigil.directory.MpView;
import org.vigil.ingest.Platform;
import org.vigil.security.Roles;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** The MP admin pages: list and register, edit, add and remove accounts. */
@Path("/admin/mps")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MpPages {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance mps(List<MpView> mps, List<String> platforms, String error);

        static native TemplateInstance mp(MpView mp, List<String> platforms, String error);
    }

    private static final List<String> PLATFORMS = Arrays.stream(Platform.values()).map(Platform::code).toList();

    private final MpAdmin mps;

    MpPages(MpAdmin mps) {
        this.mps = mps;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.mps(mps.list(), PLATFORMS, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response register(@FormParam("name") String name, @FormParam("constituency") String constituency,
                             @FormParam("group") String group, @FormParam("languages") String languages,
                             @FormParam("platform") String platform, @FormParam("handle") String handle) {
        List<MpAdmin.AccountInput> accounts = handle == null || handle.isBlank()
                ? List.of() : List.of(new MpAdmin.AccountInput(platform, handle));
        return FormErrors.orShow(() -> {
            MpView created = mps.register(new MpAdmin.MpInput(name, constituency, group, MpAdmin.splitLanguages(languages)),
                    accounts);
            return Response.seeOther(URI.create("/admin/mps/" + created.id())).build();
        }, error -> Templates.mps(mps.list(), PLATFORMS, error));
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.mp(mps.get(id), PLATFORMS, null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @FormParam("name") String name,
                           @FormParam("constituency") String constituency, @FormParam("group") String group,
                           @FormParam("languages") String languages) {
        return FormErrors.orShow(() -> {
            mps.update(id, new MpAdmin.MpInput(name, constituency, group, MpAdmin.splitLanguages(languages)));
            return Response.seeOther(URI.create("/admin/mps/" + id)).build();
        }, error -> Templates.mp(mps.get(id), PLATFORMS, error));
    }

    @POST
    @Path("{id}/accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addAccount(@PathParam("id") long id, @FormParam("platform") String platform,
                               @FormParam("handle") String handle) {
        return FormErrors.orShow(() -> {
            mps.addAccount(id, new MpAdmin.AccountInput(platform, handle));
            return Response.seeOther(URI.create("/admin/mps/" + id)).build();
        }, error -> Templates.mp(mps.get(id), PLATFORMS, error));
    }

    @POST
    @Path("{id}/accounts/{accountId}/remove")
    @Operation(hidden = true)
    public Response removeAccount(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        mps.removeAccount(id, accountId);
        return Response.seeOther(URI.create("/admin/mps/" + id)).build();
    }
}
