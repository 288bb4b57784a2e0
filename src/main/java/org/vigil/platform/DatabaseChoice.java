package org.vigil.platform;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.ConfigValue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, before Quarkus starts, whether Vigil runs its own PostgreSQL. It reads the sources Quarkus
 * reads (system properties, environment, {@code .env}, {@code config/application.properties},
 * {@code application.properties}, each under the active profile), so a URL given anywhere is used.
 */
public record DatabaseChoice(boolean embedded, String reason) {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String SWITCH = "vigil.database.embedded";

    /** The configuration as Quarkus will see it, for the profile given by {@code quarkus.profile} (default prod). */
    public static SmallRyeConfig configuration() {
        String profile = sources(new SmallRyeConfigBuilder()).build()
                .getOptionalValue("quarkus.profile", String.class).orElse("prod");
        return sources(new SmallRyeConfigBuilder()).withProfile(profile)
                .withMapping(DatabaseConfig.class).withValidateUnknown(false).build();
    }

    private static SmallRyeConfigBuilder sources(SmallRyeConfigBuilder builder) {
        ClassLoader loader = DatabaseChoice.class.getClassLoader();
        return builder.addDefaultSources()
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        Path.of("config", "application.properties").toUri().toString(), 260, loader))
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(loader));
    }

    /** Embedded when asked for, or when no source gives a URL and it is not switched off; empty when it is. */
    public static Optional<DatabaseChoice> decide(SmallRyeConfig config) {
        Optional<Boolean> asked = config.getConfigMapping(DatabaseConfig.class).database().embedded();
        ConfigValue url = config.getConfigValue(URL);
        boolean configured = url.getValue() != null && !url.getValue().isBlank();
        if (asked.orElse(false)) {
            return Optional.of(new DatabaseChoice(true, SWITCH + "=true (from " + sourceOf(config, SWITCH) + ")"
                    + (configured ? "; the configured " + URL + " is not used" : "")));
        }
        if (configured) {
            return Optional.of(new DatabaseChoice(false, withoutParameters(url.getValue()) + " (" + URL + " from "
                    + url.getSourceName() + ")"));
        }
        if (asked.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseChoice(true, "no " + URL + " in any configuration source for profile "
                + String.join(",", config.getProfiles())));
    }

    private static String sourceOf(SmallRyeConfig config, String name) {
        return config.getConfigValue(name).getSourceName();
    }

    /** A JDBC URL may carry a password among its parameters; logs get only the address. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
