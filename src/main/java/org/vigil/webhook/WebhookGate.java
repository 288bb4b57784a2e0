package org.vigil.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

/** The checks every signed webhook passes before its body is read: known sender, valid signature, JSON body. */
@ApplicationScoped
public class WebhookGate {

    private final IntegrationRegistry integrations;
    private final WebhookSignatureVerifier verifier;

    WebhookGate(IntegrationRegistry integrations, WebhookSignatureVerifier verifier) {
        this.integrations = integrations;
        this.verifier = verifier;
    }

    public Admission admit(String integrationName, SignatureHeaders headers, byte[] body) {
        SignedRequest request = headers.with(body);
        Integration integration = integrations.find(integrationName).orElseThrow(() -> new ProblemException(
                ProblemType.UNKNOWN_INTEGRATION, "No integration is named '" + abbreviate(integrationName) + "'"));
        verifier.verify(integration, request);
        requireJson(headers.contentType);
        return new Admission(integration, request.webhookId().strip());
    }

    private static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType()
                || type.isWildcardSubtype() || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be sent as application/json (UTF-8)");
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }

    /** A request that passed the gate: who sent it and under which webhook-id. */
    public record Admission(Integration integration, String webhookId) {
    }
}
