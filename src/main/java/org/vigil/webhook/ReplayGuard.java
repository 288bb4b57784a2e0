package org.vigil.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Refuses a second use of a webhook-id on endpoints that store nothing else (classify). Ids need only
 * be remembered while their timestamp is inside the tolerance window; older ones are refused anyway.
 */
@ApplicationScoped
public class ReplayGuard {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Duration tolerance;

    ReplayGuard(AgroalDataSource dataSource, Clock clock, IntegrationsConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.tolerance = config.webhook().timestampTolerance();
    }

    public void useOnce(WebhookGate.Admission admission) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO webhook_nonce (integration_id, webhook_id, received_at) VALUES (?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            s.setLong(1, admission.integration().id());
            s.setString(2, admission.webhookId());
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            if (s.executeUpdate() == 0) {
                throw new ProblemException(ProblemType.WEBHOOK_ID_REPLAYED,
                        "webhook-id " + admission.webhookId() + " was already used; sign each request with a new id");
            }
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM webhook_nonce WHERE received_at < ?")) {
            // Twice the window, so clock skew between replicas never reopens a door.
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(tolerance.multipliedBy(2))));
            s.executeUpdate();
        }
    }
}
