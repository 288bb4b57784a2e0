package org.vigil.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook senders and how their signatures are checked. Secrets come from configuration or the
 * environment, e.g. a Kubernetes Secret: {@code VIGIL_INTEGRATION_SECRETS=parliament-it=whsec_a,whsec_b;press=whsec_c}
 * (any name, dashes included), or {@code VIGIL_INTEGRATIONS_<NAME>_SECRETS} for names without dashes.
 */
@ConfigMapping(prefix = "vigil")
public interface IntegrationsConfig {

    /** Integrations by name (lower-case letters, digits and dashes); none by default. */
    Map<String, Integration> integrations();

    /**
     * Integrations as {@code name=secret[,secret...]} entries separated by ';' ({@code VIGIL_INTEGRATION_SECRETS});
     * the form that works from the environment for names with dashes. None by default.
     */
    Optional<String> integrationSecrets();

    /**
     * Base64 of a 32-byte AES key encrypting the secrets Vigil stores ({@code VIGIL_SECRETS_KEY}). Without it,
     * Vigil refuses to store new secrets, except for the embedded demo, which keeps a generated key in its data directory.
     */
    Optional<String> secretsKey();

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
