package org.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Sends one due outbox email per transaction. The row stays locked while the email is handed over, so
 * another relay (in this instance or another) never sends it too; the outcome commits with the lock's release.
 */
@ApplicationScoped
public class RelayService {

    private static final Logger LOG = Logger.getLogger(RelayService.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final OutboxRepository outbox;
    private final MailTransport transport;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;
    private final MeterRegistry registry;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final AtomicInteger failuresInARow = new AtomicInteger();

    RelayService(OutboxRepository outbox, MailTransport transport, EscalationConfig config, Clock clock,
                 MeterRegistry registry) {
        this.outbox = outbox;
        this.transport = transport;
        this.backoff = new Backoff(config.relay().initialBackoff(), config.relay().maxBackoff());
        this.maxAttempts = config.relay().maxAttempts();
        this.clock = clock;
        this.registry = registry;
    }

    /** Sends the most overdue email, if any; false when nothing was due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 120)
    public boolean relayNext() throws SQLException {
        Optional<PendingEmail> claimed = outbox.claimNextDue(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        PendingEmail pending = claimed.get();
        try {
            transport.deliver(pending.email());
            outbox.markSent(pending.id(), transport.name(), clock.instant());
            failuresInARow.set(0);
            registry.counter("vigil.escalation.emails.sent", "transport", transport.name()).increment();
        } catch (Exception e) {
            failuresInARow.incrementAndGet();
            int failures = pending.attempts() + 1;
            Optional<Instant> retryAt = failures >= maxAttempts ? Optional.empty()
                    : Optional.of(clock.instant().plus(backoff.delayAfter(failures, random)));
            outbox.markFailed(pending.id(), retryAt, describe(e));
            registry.counter("vigil.escalation.emails.failed", "transport", transport.name()).increment();
            if (retryAt.isEmpty()) {
                registry.counter("vigil.escalation.emails.dead").increment();
                LOG.errorf("Escalation email %d moved to the dead letter after %d attempts: %s", pending.id(),
                        failures, describe(e));
            } else {
                LOG.warnf("Escalation email %d failed (attempt %d of %d), retrying at %s: %s", pending.id(),
                        failures, maxAttempts, retryAt.get(), describe(e));
            }
        }
        return true;
    }

    /** Attempts that failed since the last email this instance delivered. */
    public int failuresInARow() {
        return failuresInARow.get();
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
