package org.vigil.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.vigil.security.StaffAccounts;
import org.vigil.security.StaffUserView;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Staff accounts as JSON, for admins. */
@Path("/api/v1/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users", description = "Staff accounts and their roles (role admin)")
public class UserAdminResource {

    public record NewUser(String username, String password, List<String> roles) {
    }

    public record RolesChange(List<String> roles) {
    }

    public record EnabledChange(Boolean enabled) {
    }

    public record PasswordReset(String password) {
    }

    /** The password, when Vigil generated it: shown in this answer only. */
    public record CreatedUser(StaffUserView user, Optional<String> generatedPassword) {
    }

    private final StaffAccounts accounts;

    UserAdminResource(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "Every staff account")
    public List<StaffUserView> list() {
        return accounts.list().stream().map(StaffUserView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One staff account")
    public StaffUserView get(@PathParam("id") long id) {
        return accounts.find(id).map(StaffUserView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No user with id " + id));
    }

    @POST
    @Operation(summary = "Create an account; without a password Vigil generates one and returns it once")
    public Response create(NewUser user) {
        NewUser body = require(user);
        Optional<String> generated = blank(body.password()) ? Optional.of(accounts.generatePassword()) : Optional.empty();
        long id = accounts.create(body.username(), generated.orElse(body.password()),
                body.roles() == null ? List.of() : body.roles());
        return Response.created(URI.create("/api/v1/admin/users/" + id))
                .entity(new CreatedUser(get(id), generated)).build();
    }

    @PUT
    @Path("{id}/roles")
    @Operation(summary = "Replace the account's roles")
    public StaffUserView roles(@PathParam("id") long id, RolesChange change) {
        accounts.setRoles(id, require(change).roles());
        return get(id);
    }

    @PUT
    @Path("{id}/enabled")
    @Operation(summary = "Enable or disable the account; a disabled account's sessions end at once")
    public StaffUserView enabled(@PathParam("id") long id, EnabledChange change) {
        if (require(change).enabled() == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "enabled must be true or false");
        }
        accounts.setEnabled(id, change.enabled());
        return get(id);
    }

    @POST
    @Path("{id}/password")
    @Operation(summary = "Set a new password; without one Vigil generates it and returns it once")
    public PasswordReset resetPassword(@PathParam("id") long id, PasswordReset reset) {
        boolean generate = reset == null || blank(reset.password());
        String password = generate ? accounts.generatePassword() : reset.password();
        accounts.resetPassword(id, password);
        return new PasswordReset(generate ? password : null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new ProblemException(ProblemType.INVALID_FIELDS, "A JSON body is required");
        }
        return body;
    }
}
