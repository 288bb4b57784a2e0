package org.vigil.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;
import org.vigil.classify.ReclassifyCommand;

import java.nio.file.Path;

/**
 * Starts Vigil. Without a configured database ({@code QUARKUS_DATASOURCE_JDBC_URL} or the system
 * property {@code quarkus.datasource.jdbc.url}) it first starts an embedded PostgreSQL whose data
 * lives in {@code $VIGIL_DATA_DIR/postgres} (default {@code ./vigil-data/postgres}) and turns on the
 * first-run demo. {@code reclassify} as the first argument runs {@link ReclassifyCommand} and exits.
 */
@QuarkusMain
public final class VigilMain {

    private static final Logger LOG = Logger.getLogger(VigilMain.class);

    private VigilMain() {
    }

    public static void main(String... args) {
        if (configured("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL")) {
            run(args);
            return;
        }
        String dataDir = setting("vigil.data-dir", "VIGIL_DATA_DIR", "vigil-data");
        Path postgresDir = Path.of(dataDir, "postgres").toAbsolutePath();
        LOG.infof("No database configured: starting embedded PostgreSQL with data in %s", postgresDir);
        EmbeddedDatabase database = EmbeddedDatabase.start(postgresDir, false);
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        if (!configured("vigil.demo.enabled", "VIGIL_DEMO_ENABLED")) {
            System.setProperty("vigil.demo.enabled", "true");
        }
        try {
            run(args);
        } finally {
            database.close();
        }
    }

    private static void run(String... args) {
        if (args.length > 0 && args[0].equals("reclassify")) {
            // A one-off command must not collide with a running instance's port.
            System.setProperty("quarkus.http.port", "0");
            Quarkus.run(ReclassifyCommand.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    private static boolean configured(String property, String environment) {
        return System.getProperty(property) != null || System.getenv(environment) != null;
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value;
    }
}
