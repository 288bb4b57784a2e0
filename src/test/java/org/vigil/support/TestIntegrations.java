package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Provisions the webhook integrations the tests sign with, as operators do: through configuration. */
public class TestIntegrations implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Map.of(
                // A fresh key per run encrypts the secrets that the admin tests store.
                "vigil.secrets-key", java.util.Base64.getEncoder().encodeToString(key),
                "vigil.integrations.test.secrets",
                Webhooks.CURRENT_SECRET.encoded() + "," + Webhooks.ROTATED_SECRET.encoded(),
                "vigil.integrations.other.secrets", Webhooks.OTHER_INTEGRATION_SECRET.encoded());
    }

    @Override
    public void stop() {
        // Configuration only; nothing runs.
    }
}
