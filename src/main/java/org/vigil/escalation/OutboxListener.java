package org.vigil.escalation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Wakes the relay as soon as an outbox email is committed: a dedicated connection LISTENs on the outbox
 * channel, which PostgreSQL notifies at commit. Polling stays as the fallback if this connection is lost.
 */
@ApplicationScoped
class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final int WAIT_MILLIS = 1000;

    private final OutboxRelay relay;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread thread;

    OutboxListener(OutboxRelay relay, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.relay = relay;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "vigil-outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + OutboxRepository.CHANNEL);
                relay.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        relay.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Outbox listener lost its connection (%s); the relay keeps polling, retrying in 5 s",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return DriverManager.getConnection(url, properties);
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
