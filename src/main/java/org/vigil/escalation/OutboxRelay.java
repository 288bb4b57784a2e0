package org.vigil.escalation;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the outbox's emails. A wake-up (an email committed, see {@link OutboxListener}) starts up to
 * {@code vigil.escalation.relay.concurrency} senders in parallel, each claiming one due row per transaction
 * ({@code FOR UPDATE SKIP LOCKED}), so a slow SMTP answer holds up one email, not the queue; it never waits
 * for senders still busy, which look again before they stop. While the mail server fails, one sender probes
 * it. The poll, the fallback when no notification arrives, sends on its own thread.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayService relay;
    private final int concurrency;
    private final ExecutorService senders;
    private final AtomicInteger awake = new AtomicInteger();
    private final AtomicLong wakeUps = new AtomicLong();

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

    /** Starts idle senders on the due emails and returns at once. */
    public void wake() {
        wakeUps.incrementAndGet();
        for (int running = awake.get(); running < allowedSenders(); running = awake.get()) {
            if (awake.compareAndSet(running, running + 1)) {
                senders.execute(this::sendWhileWoken);
            }
        }
    }

    /** Sends every due email on the calling thread; returns how many were handled (sent, retried later or dead-lettered). */
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

    private void sendWhileWoken() {
        long seen;
        try {
            do {
                seen = wakeUps.get();
                while (relay.relayNext()) {
                    if (awake.get() > allowedSenders()) {
                        return;
                    }
                }
            } while (wakeUps.get() != seen);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Outbox relay failed; will retry", e);
            return;
        } finally {
            awake.decrementAndGet();
        }
        if (wakeUps.get() != seen) {
            wake();
        }
    }

    /** All senders while mail flows; one while the mail server fails, so an outage is probed one email at a time. */
    private int allowedSenders() {
        return relay.failuresInARow() > 0 ? 1 : concurrency;
    }
}
