package org.vigil.platform;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database starts only when no configuration source names a database, or when asked for. */
class DatabaseChoiceTest {

    private static SmallRyeConfig config(String profile, Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withProfile(profile)
                .withMapping(DatabaseConfig.class)
                .withValidateUnknown(false)
                .build();
    }

    @Test
    void usesAUrlGivenOnlyInAPropertiesFile() {
        DatabaseChoice choice = DatabaseChoice.decide(config("prod",
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/vigil"))).orElseThrow();
        assertThat(choice.embedded()).isFalse();
        assertThat(choice.reason()).contains("jdbc:postgresql://db:5432/vigil").contains("application.properties");
    }

    @Test
    void honoursAUrlGivenForTheActiveProfileOnly() {
        Map<String, String> properties = Map.of("%prod.quarkus.datasource.jdbc.url", "jdbc:postgresql://db/vigil");
        assertThat(DatabaseChoice.decide(config("prod", properties)).orElseThrow().embedded()).isFalse();
        assertThat(DatabaseChoice.decide(config("dev", properties)).orElseThrow().embedded()).isTrue();
    }

    @Test
    void startsTheEmbeddedDatabaseWhenNoSourceGivesAUrlAndSaysWhy() {
        DatabaseChoice choice = DatabaseChoice.decide(config("prod", Map.of())).orElseThrow();
        assertThat(choice.embedded()).isTrue();
        assertThat(choice.reason()).contains("no quarkus.datasource.jdbc.url").contains("prod");
    }

    @Test
    void refusesToChooseWhenNoUrlIsGivenAndTheEmbeddedDatabaseIsSwitchedOff() {
        assertThat(DatabaseChoice.decide(config("prod", Map.of("vigil.database.embedded", "false")))).isEmpty();
    }

    @Test
    void startsTheEmbeddedDatabaseWhenAskedForEvenWithAUrl() {
        DatabaseChoice choice = DatabaseChoice.decide(config("prod", Map.of("vigil.database.embedded", "true",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/vigil"))).orElseThrow();
        assertThat(choice.embedded()).isTrue();
        assertThat(choice.reason()).contains("vigil.database.embedded=true").contains("not used");
    }

    @Test
    void neverLogsTheParametersOfAUrlWhichMayHoldAPassword() {
        DatabaseChoice choice = DatabaseChoice.decide(config("prod",
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/vigil?password=secret"))).orElseThrow();
        assertThat(choice.reason()).doesNotContain("secret");
    }
}
