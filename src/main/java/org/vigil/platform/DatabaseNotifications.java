package org.vigil.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Listens to PostgreSQL {@code NOTIFY} on the channels stages use to wake each other, and passes each
 * notification on as an asynchronous CDI {@link DatabaseNotification}. Notifications arrive only after
 * the notifying transaction commits, from any replica; the database stays the record of what waits, so a
 * notification lost while reconnecting only delays work until the next poll.
 */
@ApplicationScoped
public class DatabaseNotifications {

    /** Channels listened to; each feature that notifies names its channel here. */
    static final List<String> CHANNELS = List.of("vigil_review_queue");

    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);
    private static final int WAIT_MILLIS = 1000;

    private final Event<DatabaseNotification> notifications;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    DatabaseNotifications(Event<DatabaseNotification> notifications,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.notifications = notifications;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listenUntilStopped, "vigil-db-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(2 * WAIT_MILLIS);
        }
    }

    private void listenUntilStopped() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement s = connection.createStatement()) {
                    for (String channel : CHANNELS) {
                        s.execute("LISTEN " + channel);
                    }
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification n : received) {
                            notifications.fireAsync(new DatabaseNotification(n.getName(), n.getParameter()));
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Lost the database notification connection (%s); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(url, properties);
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
