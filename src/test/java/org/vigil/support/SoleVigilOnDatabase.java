package org.vigil.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * The tests assume they are the only Vigil working on their database. Another one (a running service, a second
 * test run) would classify, triage and re-classify the mentions they deliver behind their back, with a classifier
 * the tests do not control, and they would fail now and then for no fault of the code. So a run refuses to start
 * on a database where connections carrying Vigil's application name are open.
 */
public final class SoleVigilOnDatabase {

    /** What Vigil's connections call themselves ({@code ApplicationName} in application.properties). */
    public static final String VIGIL = "vigil";

    private static final Duration POLL = Duration.ofMillis(250);

    private SoleVigilOnDatabase() {
    }

    /**
     * Returns once no other connection named {@code applicationName} is open on the database, waiting up to
     * {@code patience} (a Vigil this JVM has just stopped, between test profiles, takes a moment to disconnect).
     */
    public static void require(String jdbcUrl, String user, String password, String applicationName,
                               Duration patience) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        try (Connection c = connect(jdbcUrl, user, password, "vigil-tests-guard");
             PreparedStatement s = c.prepareStatement("""
                SELECT current_database(), count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = ? AND pid <> pg_backend_pid()""")) {
            s.setString(1, applicationName);
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long others = r.getLong(2);
                    if (others == 0) {
                        return;
                    }
                    if (!Instant.now().isBefore(deadline)) {
                        throw new IllegalStateException(("%d connection(s) named '%s' are open on database %s: another"
                                + " Vigil (a running service or another test run) works on it and would classify and"
                                + " re-classify the tests' mentions. Give the tests a database of their own (.ci/run"
                                + " creates one) or stop the other Vigil.").formatted(others, applicationName,
                                r.getString(1)));
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** A connection that shows as {@code applicationName} in {@code pg_stat_activity}. */
    static Connection connect(String jdbcUrl, String user, String password, String applicationName)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
