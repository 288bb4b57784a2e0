package org.vigil.escalation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains the outbox when woken and, as a fallback, at every poll interval. Up to
 * {@code vigil.escalation.relay.concurrency} senders work in parallel, each claiming one due row per
 * transaction ({@code FOR UPDATE SKIP LOCKED}), so a slow SMTP answer holds up one email, not the queue.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayService relay;
    private final int concurrency;
    private final ExecutorService senders;

    OutboxRelay(RelayService relay, EscalationConfig config) {
        this.relay = relay;
        this.concurrency = Math.max(1, config.relay().concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "vigil-relay-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "{vigil.escalation.relay.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdownNow();
    }

    /** Sends every due email; returns how many were handled (sent, retried later or dead-lettered). */
    public int drain() {
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            running.add(senders.submit(this::sendUntilNoneDue));
        }
        int handled = 0;
        for (Future<Integer> sender : running) {
            try {
                handled += sender.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return handled;
            } catch (ExecutionException e) {
                LOG.error("Outbox sender failed; will retry", e.getCause());
            }
        }
        return handled;
    }

    private int sendUntilNoneDue() {
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
