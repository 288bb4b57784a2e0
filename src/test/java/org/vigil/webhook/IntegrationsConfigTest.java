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
    void readsIntegrationsWithDashesFromOneVariableOfNameSecretPairs() {
        IntegrationsConfig config = fromEnvironment(Map.of("VIGIL_INTEGRATION_SECRETS",
                "parliament-it=whsec_b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZA==,whsec_bmV3LXNlY3JldC1uZXctc2VjcmV0LW5ldw==;"
                        + " press=whsec_cHJlc3Mtc2VjcmV0LXByZXNzLXNlY3JldA=="));

        Map<String, List<String>> integrations = ConfiguredIntegrations.of(config);

        assertThat(integrations).containsOnlyKeys("parliament-it", "press");
        assertThat(integrations.get("parliament-it")).hasSize(2);
    }

    @Test
    void cannotTellADashFromADotInPerIntegrationVariables() {
        IntegrationsConfig config = fromEnvironment(Map.of("VIGIL_INTEGRATIONS_PARLIAMENT_IT_SECRETS",
                "whsec_cHJlc3Mtc2VjcmV0LXByZXNzLXNlY3JldA=="));

        assertThat(ConfiguredIntegrations.of(config)).doesNotContainKey("parliament-it");
    }

    @Test
    void refusesAnEntryWithoutAName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfiguredIntegrations.parse("whsec_abc"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultsToFiveMinutesOfTimestampTolerance() {
        assertThat(fromEnvironment(Map.of()).webhook().timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
    }
}
