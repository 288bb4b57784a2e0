package org.vigil.webhook;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Integrations can be provisioned from the environment, as a Kubernetes Secret does. */
class IntegrationsConfigTest {

    private static IntegrationsConfig fromEnvironment(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(IntegrationsConfig.class)
                .build();
        return config.getConfigMapping(IntegrationsConfig.class);
    }

    @Test
    void readsCommaSeparatedSecretsPerIntegrationFromTheEnvironment() {
        IntegrationsConfig config = fromEnvironment(Map.of(
                "VIGIL_INTEGRATIONS_PARLIAMENT_SECRETS", "whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA==,whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldw==",
                "VIGIL_INTEGRATIONS_PRESS_SECRETS", "whsec_cHJlc3Mtc2VjcmV0LXByZXNzLXNlY3JldA=="));

        assertThat(config.integrations()).containsOnlyKeys("parliament", "press");
        assertThat(config.integrations().get("parliament").secrets()).hasSize(2);
        assertThat(config.integrations().get("press").secrets())
                .isEqualTo(List.of("whsec_cHJlc3Mtc2VjcmV0LXByZXNzLXNlY3JldA=="));
    }

    @Test
    void defaultsToFiveMinutesOfTimestampTolerance() {
        assertThat(fromEnvironment(Map.of()).webhook().timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
    }
}
