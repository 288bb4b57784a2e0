package org.vigil.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Which PostgreSQL Vigil uses; read before Quarkus starts (see {@link DatabaseChoice}). */
@ConfigMapping(prefix = "vigil")
public interface DatabaseConfig {

    /** Where the embedded database keeps its cluster, its unpacked binaries and its generated password. */
    @WithDefault("vigil-data")
    String dataDir();

    /** The database choice. */
    Database database();

    interface Database {
        /** true: always the embedded PostgreSQL; false: never, a missing URL stops start-up; unset: embedded only without a URL. */
        Optional<Boolean> embedded();
    }
}
