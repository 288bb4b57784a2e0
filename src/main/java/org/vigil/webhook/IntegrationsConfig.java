package org.vigil.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Webhook senders and how their signatures are checked. Secrets come from configuration or the
 * environment ({@code VIGIL_INTEGRATIONS_<NAME>_SECRETS}, comma-separated), e.g. a Kubernetes Secret.
 */
@ConfigMapping(prefix = "vigil")
public interface IntegrationsConfig {

    /** Integrations by name (lower-case letters, digits and dashes); none by default. */
    Map<String, Integration> integrations();

    /** Signature checking shared by all webhooks. */
    Webhook webhook();

    interface Integration {
        /** Signing secrets, {@code whsec_<base64>}; several while a secret is rotated. */
        List<String> secrets();
    }

    interface Webhook {
        /** How far a {@code webhook-timestamp} may lie in the past or the future. */
        @WithDefault("PT5M")
        Duration timestampTolerance();
    }
}
