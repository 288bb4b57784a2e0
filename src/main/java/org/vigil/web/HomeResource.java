package org.vigil.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.vigil.security.Roles;

import java.util.List;

/** The landing page after login: who you are and where your roles let you go. */
@Path("/")
@Authenticated
@Blocking
public class HomeResource {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance home(List<String> roles);
    }

    private final SecurityIdentity identity;

    HomeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(Roles.ALL.stream().filter(identity::hasRole).toList());
    }
}
