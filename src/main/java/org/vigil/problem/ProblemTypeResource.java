package org.vigil.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** Makes every problem {@code type} URI resolvable: what the error means and which status carries it. */
@Path(ProblemType.BASE_URI)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Problems", description = "The error types Vigil answers with (RFC 9457)")
public class ProblemTypeResource {

    public record Description(String type, String title, int status) {
        static Description of(ProblemType type) {
            return new Description(type.uri(), type.title(), type.status());
        }
    }

    @GET
    @Operation(summary = "Every problem type")
    public List<Description> all() {
        return Arrays.stream(ProblemType.values()).map(Description::of).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One problem type")
    public Description one(@PathParam("slug") String slug) {
        return Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .map(Description::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No problem type " + slug));
    }
}
