package org.vigil.webhook;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The headers of a signed webhook request, gathered once for every webhook resource. */
public class SignatureHeaders {

    @HeaderParam("webhook-id")
    @Parameter(description = "Unique message id (1-256 printable ASCII); a retry reuses it")
    String webhookId;

    @HeaderParam("webhook-timestamp")
    @Parameter(description = "Unix seconds; at most 5 minutes from Vigil's clock")
    String webhookTimestamp;

    @HeaderParam("webhook-signature")
    @Parameter(description = "v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>, several space-separated while rotating")
    String webhookSignature;

    @HeaderParam(HttpHeaders.CONTENT_TYPE)
    String contentType;

    SignedRequest with(byte[] body) {
        return new SignedRequest(webhookId, webhookTimestamp, webhookSignature, body);
    }
}
