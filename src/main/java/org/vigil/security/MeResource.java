package org.vigil.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Who the session belongs to, for pages' scripts and API clients. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "Staff session")
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The logged-in user and their roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), Roles.ALL.stream().filter(identity::hasRole).toList());
    }
}
