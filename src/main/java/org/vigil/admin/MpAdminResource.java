package org.vigil.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.vigil.directory.MpView;
import org.vigil.security.Roles;

import java.net.URI;
import java.util.List;

/** MPs and their accounts as JSON, for admins. */
@Path("/api/v1/admin/mps")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: MPs", description = "The MPs Vigil protects and their accounts (role admin)")
public class MpAdminResource {

    public record NewMp(String name, String constituency, String parliamentaryGroup, List<String> languages,
                        List<MpAdmin.AccountInput> accounts) {
    }

    private final MpAdmin mps;

    MpAdminResource(MpAdmin mps) {
        this.mps = mps;
    }

    @GET
    @Operation(summary = "Every MP with their accounts")
    public List<MpView> list() {
        return mps.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One MP")
    public MpView get(@PathParam("id") long id) {
        return mps.get(id);
    }

    @POST
    @Operation(summary = "Register an MP; mentions already stored for their accounts are attributed to them")
    public Response register(NewMp mp) {
        NewMp body = UserAdminResource.require(mp);
        MpView created = mps.register(new MpAdmin.MpInput(body.name(), body.constituency(), body.parliamentaryGroup(),
                body.languages()), body.accounts() == null ? List.of() : body.accounts());
        return Response.created(URI.create("/api/v1/admin/mps/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change name, constituency, group and languages")
    public MpView update(@PathParam("id") long id, MpAdmin.MpInput mp) {
        return mps.update(id, mp);
    }

    @POST
    @Path("{id}/accounts")
    @Operation(summary = "Add an account; mentions already stored for it are attributed to the MP")
    public MpView addAccount(@PathParam("id") long id, MpAdmin.AccountInput account) {
        return mps.addAccount(id, UserAdminResource.require(account));
    }

    @DELETE
    @Path("{id}/accounts/{accountId}")
    @Operation(summary = "Remove an account")
    public MpView removeAccount(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        return mps.removeAccount(id, accountId);
    }
}
