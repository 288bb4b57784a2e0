package org.vigil.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;
import org.jboss.logging.Logger;
import org.vigil.classify.ReclassifyCommand;
import org.vigil.review.ExportDecisionsCommand;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts Vigil on the configured PostgreSQL, or first starts an embedded one (see {@link DatabaseChoice})
 * whose files live under {@code vigil.data-dir} ({@code VIGIL_DATA_DIR}, default {@code ./vigil-data}),
 * and then turns on the first-run demo. {@code reclassify} or {@code export-decisions <file>} as the first
 * argument runs {@link ReclassifyCommand} or {@link ExportDecisionsCommand} and exits; with the embedded
 * database, a command joins the one a running Vigil started instead of starting its own.
 */
@QuarkusMain
public final class VigilMain {

    private static final Logger LOG = Logger.getLogger(VigilMain.class);

    VigilMain() {
    }

    public static void main(String... args) {
        SmallRyeConfig config = DatabaseChoice.configuration();
        Optional<DatabaseChoice> choice = DatabaseChoice.decide(config);
        if (choice.isEmpty()) {
            // Straight to stderr: log records are held back until Quarkus has configured logging.
            System.err.printf("ERROR Vigil cannot start: no database configured, and the embedded database is "
                    + "switched off (%s=false). Set QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and "
                    + "QUARKUS_DATASOURCE_PASSWORD.%n", DatabaseChoice.SWITCH);
            System.exit(1);
        }
        if (!choice.get().embedded()) {
            LOG.infof("Database: %s", choice.get().reason());
            run(args);
            return;
        }
        Path dataRoot = Path.of(config.getConfigMapping(DatabaseConfig.class).dataDir()).toAbsolutePath();
        if (config.getOptionalValue("vigil.demo.enabled", String.class).isEmpty()) {
            System.setProperty("vigil.demo.enabled", "true");
        }
        Optional<EmbeddedDatabase.Running> running = command(args).isPresent()
                ? EmbeddedDatabase.running(dataRoot) : Optional.empty();
        if (running.isPresent()) {
            LOG.infof("Database: the embedded PostgreSQL that the running Vigil started in %s (%s)", dataRoot,
                    running.get().jdbcUrl());
            useDatabase(running.get().jdbcUrl(), running.get().username(), running.get().password());
            run(args);
            return;
        }
        LOG.infof("Database: embedded PostgreSQL in %s, because %s", dataRoot, choice.get().reason());
        long started = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataRoot, false);
        LOG.infof("Embedded PostgreSQL ready in %d ms", (System.nanoTime() - started) / 1_000_000);
        useDatabase(database.jdbcUrl(), database.username(), database.password());
        try {
            run(args);
        } finally {
            database.close();
        }
    }

    private static void useDatabase(String jdbcUrl, String username, String password) {
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
        System.setProperty("quarkus.datasource.username", username);
        System.setProperty("quarkus.datasource.password", password);
    }

    private static Optional<Class<? extends QuarkusApplication>> command(String... args) {
        return Optional.ofNullable(args.length == 0 ? null : switch (args[0]) {
            case "reclassify" -> ReclassifyCommand.class;
            case "export-decisions" -> ExportDecisionsCommand.class;
            default -> null;
        });
    }

    private static void run(String... args) {
        Optional<Class<? extends QuarkusApplication>> command = command(args);
        if (command.isEmpty()) {
            Quarkus.run(args);
            return;
        }
        // A one-off command must not collide with a running instance's ports.
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.management.port", "0");
        Quarkus.run(command.get(), args);
    }
}
