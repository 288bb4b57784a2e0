package org.vigil.ingest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigil.problem.Problem;
import org.vigil.webhook.SignatureHeaders;
import org.vigil.webhook.WebhookGate;

import java.sql.SQLException;

@Path("/api/v1/webhooks/{integration}/mentions")
@Tag(name = "Webhooks", description = "Signed deliveries from parliament IT (Standard Webhooks)")
public class MentionWebhookResource {

    private final WebhookGate gate;
    private final MentionParser parser;
    private final IngestService service;
    private final IngestMetrics metrics;

    MentionWebhookResource(WebhookGate gate, MentionParser parser, IngestService service, IngestMetrics metrics) {
        this.gate = gate;
        this.parser = parser;
        this.service = service;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver one mention or a batch of up to 500",
            description = "Answers 202 once every accepted mention is committed. The same webhook-id delivered "
                    + "again returns the same answer and stores nothing new.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {MentionDocument.class, MentionDocument.Batch.class})))
    @APIResponse(responseCode = "202", description = "Stored; per-item outcome",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryReceipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Signature missing, malformed, invalid or outside the 5-minute window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown integration", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "webhook-id reused for a different body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB or more than 500 mentions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A single mention with missing or invalid fields (JSON pointer per field)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@PathParam("integration") String integration, @BeanParam SignatureHeaders headers,
                            byte[] body) throws SQLException {
        WebhookGate.Admission admission = gate.admit(integration, headers, body);
        ParsedDelivery delivery = parser.parse(body);
        IngestService.IngestAnswer answer = service.ingest(admission.integration(), admission.webhookId(), body, delivery);
        metrics.record(answer);
        return Response.accepted(answer.json())
                .type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", answer.replayed())
                .build();
    }
}
