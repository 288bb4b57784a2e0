package org.vigil.escalation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/** Drains the outbox when woken and, as a fallback, at every poll interval. */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayService relay;

    OutboxRelay(RelayService relay) {
        this.relay = relay;
    }

    @Scheduled(every = "{vigil.escalation.relay.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Sends every due email; returns how many were handled (sent, retried later or dead-lettered). */
    public int drain() {
        int handled = 0;
        try {
            while (relay.relayNext()) {
                handled++;
            }
        } catch (SQLException | RuntimeException e) {
            // The emails stay in the outbox; the next wake-up or poll tries again.
            LOG.error("Outbox relay failed; will retry", e);
        }
        return handled;
    }
}
