package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Provisions the webhook integrations the tests sign with, as operators do: through configuration. */
public class TestIntegrations implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "vigil.integrations.test.secrets",
                Webhooks.CURRENT_SECRET.encoded() + "," + Webhooks.ROTATED_SECRET.encoded(),
                "vigil.integrations.other.secrets", Webhooks.OTHER_INTEGRATION_SECRET.encoded());
    }

    @Override
    public void stop() {
        // Configuration only; nothing runs.
    }
}
