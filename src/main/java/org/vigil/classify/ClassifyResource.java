package org.vigil.classify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.Problem;
import org.vigil.webhook.ReplayGuard;
import org.vigil.webhook.SignatureHeaders;
import org.vigil.webhook.WebhookGate;

import java.sql.SQLException;
import java.util.Optional;

@Path("/api/v1/webhooks/{integration}/classify")
@Tag(name = "Webhooks")
public class ClassifyResource {

    private final WebhookGate gate;
    private final ReplayGuard replays;
    private final ClassifyRequestParser parser;
    private final AbuseClassifier classifier;

    ClassifyResource(WebhookGate gate, ReplayGuard replays, ClassifyRequestParser parser, AbuseClassifier classifier) {
        this.gate = gate;
        this.replays = replays;
        this.parser = parser;
        this.classifier = classifier;
    }

    /** What integrators send: a text, and its language when they know it. */
    @Schema(name = "ClassifyRequest")
    public record ClassifyRequest(@Schema(required = true, description = "At most 65,536 characters; may be empty") String text,
                                  @Schema(description = "Language tag, e.g. en or fr; detected when absent") String lang) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify one text now, without storing it",
            description = "Signed exactly like the mentions webhook; each webhook-id may be used once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClassifyRequest.class)))
    @APIResponse(responseCode = "200", description = "Scores in [0, 1], labels at the shipped thresholds for the language, and the words behind each label",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Classification.class)))
    @APIResponse(responseCode = "4XX", description = "Refused: see the problem's type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Classification classify(@PathParam("integration") String integration, @BeanParam SignatureHeaders headers,
                                   byte[] body) throws SQLException {
        WebhookGate.Admission admission = gate.admit(integration, headers, body);
        ClassifyRequest request = parser.parse(body);
        replays.useOnce(admission);
        return classifier.classify(request.text(), Optional.ofNullable(request.lang()));
    }
}
