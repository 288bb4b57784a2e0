package org.vigil.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The packaged jar of integration tests runs in prod mode: let it pick a free management port, as tests do. */
public class FreeManagementPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.management.port", "0");
    }

    @Override
    public void stop() {
        // Configuration only; nothing runs.
    }
}
