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
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;
import org.vigil.security.Roles;
import org.vigil.security.StaffAccounts;
import org.vigil.security.StaffUserView;

import java.net.URI;
import java.util.List;

/** The users admin pages: list, create, roles, enable/disable, password reset. */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class UserPages {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance users(List<StaffUserView> users, List<String> allRoles, String error);

        static native TemplateInstance user(StaffUserView user, List<String> allRoles, String error);

        static native TemplateInstance once(String subject, String secret, String back);
    }

    private final StaffAccounts accounts;

    UserPages(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return list(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("roles") List<String> roles) {
        boolean generate = password == null || password.isBlank();
        String chosen = generate ? accounts.generatePassword() : password;
        return FormErrors.orShow(() -> {
            long id = accounts.create(username, chosen, roles == null ? List.of() : roles);
            if (generate) {
                return Response.ok(Templates.once(username, chosen, "/admin/users/" + id)).build();
            }
            return Response.seeOther(URI.create("/admin/users/" + id)).build();
        }, this::list);
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.user(find(id), Roles.ALL, null);
    }

    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response roles(@PathParam("id") long id, @FormParam("roles") List<String> roles) {
        return FormErrors.orShow(() -> {
            accounts.setRoles(id, roles == null ? List.of() : roles);
            return Response.seeOther(URI.create("/admin/users/" + id)).build();
        }, error -> Templates.user(find(id), Roles.ALL, error));
    }

    @POST
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enabled(@PathParam("id") long id, @FormParam("enabled") boolean enabled) {
        accounts.setEnabled(id, enabled);
        return Response.seeOther(URI.create("/admin/users/" + id)).build();
    }

    @POST
    @Path("{id}/password")
    @Operation(hidden = true)
    public TemplateInstance resetPassword(@PathParam("id") long id) {
        StaffUserView user = find(id);
        String password = accounts.generatePassword();
        accounts.resetPassword(id, password);
        return Templates.once(user.username(), password, "/admin/users/" + id);
    }

    private TemplateInstance list(String error) {
        return Templates.users(accounts.list().stream().map(StaffUserView::of).toList(), Roles.ALL, error);
    }

    private StaffUserView find(long id) {
        return accounts.find(id).map(StaffUserView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No user with id " + id));
    }
}
