package org.vigil.support;

import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.vigil.platform.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Gives the tests a real PostgreSQL: the one named by QUARKUS_DATASOURCE_JDBC_URL (or the system
 * property) when given, a Testcontainers PostgreSQL where Docker runs, an embedded PostgreSQL otherwise.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    /** How long a Vigil this JVM has just stopped (between test profiles) may take to close its connections. */
    private static final Duration OTHER_VIGIL_PATIENCE = Duration.ofSeconds(15);

    private static EmbeddedDatabase embedded;
    private AutoCloseable running;
    private boolean integrationTest;

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        integrationTest = true;
    }

    @Override
    public Map<String, String> start() {
        String given = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
        if (given != null) {
            requireNoOtherVigil(given);
            return Map.of();
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            running = container;
            return Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                    "quarkus.datasource.username", container.getUsername(),
                    "quarkus.datasource.password", container.getPassword());
        }
        EmbeddedDatabase database = embedded();
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    /** A database given from outside may be shared; see {@link SoleVigilOnDatabase} for why that is refused. */
    private static void requireNoOtherVigil(String jdbcUrl) {
        try {
            SoleVigilOnDatabase.require(jdbcUrl,
                    setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME", "postgres"),
                    setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", null),
                    SoleVigilOnDatabase.VIGIL, OTHER_VIGIL_PATIENCE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the test database " + jdbcUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the test database", e);
        }
    }

    private static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environmentVariable);
        }
        return value == null ? fallback : value;
    }

    /** One embedded database per test JVM; see {@link #stop()} for when it stops. */
    private static synchronized EmbeddedDatabase embedded() {
        if (embedded == null) {
            // The binaries stay unpacked under target/ between runs; the cluster is new each time.
            Path dataRoot = Path.of("target", "test-database");
            System.out.println("Tests use an embedded PostgreSQL in " + dataRoot
                    + " (no QUARKUS_DATASOURCE_JDBC_URL given, no Docker found)");
            embedded = EmbeddedDatabase.start(dataRoot, true);
        }
        return embedded;
    }

    /**
     * The packaged application of integration tests is stopped after its test resources: there the
     * embedded database is left to the library's shutdown hook at JVM exit, so the application never
     * loses its database while still running. In-process tests stop their application first.
     */
    @Override
    public synchronized void stop() {
        if (embedded != null && !integrationTest) {
            embedded.close();
            embedded = null;
        }
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the test database", e);
            }
        }
    }

    /** Asks Testcontainers only where a Docker engine may exist; elsewhere its detection logs stack traces. */
    private static boolean dockerAvailable() {
        boolean mayExist = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!mayExist) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
