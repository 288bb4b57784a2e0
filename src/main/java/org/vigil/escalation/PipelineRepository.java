package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The pipeline's vital signs (read from the stages' tables) and the alarms raised about them. */
@ApplicationScoped
public class PipelineRepository {

    private final AgroalDataSource dataSource;

    PipelineRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When the latest mention arrived, the oldest one still waiting for classification, the oldest pending email. */
    public VitalSigns vitalSigns() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT (SELECT max(received_at) FROM mention),
                            (SELECT min(received_at) FROM mention WHERE state = 'RECEIVED'),
                            (SELECT min(created_at) FROM escalation_outbox WHERE state = 'PENDING'),
                            (SELECT count(*) FROM escalation_outbox WHERE state = 'DEAD')""");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new VitalSigns(instant(r, 1), instant(r, 2), instant(r, 3), r.getLong(4));
        }
    }

    public Set<AlarmKind> open() throws SQLException {
        Set<AlarmKind> open = EnumSet.noneOf(AlarmKind.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind FROM pipeline_alarm WHERE cleared_at IS NULL");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                open.add(AlarmKind.valueOf(r.getString(1)));
            }
        }
        return open;
    }

    /** The alarms raised and not cleared, oldest first, with what each said. */
    public List<OpenAlarm> openAlarms() throws SQLException {
        List<OpenAlarm> open = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT kind, detail, raised_at FROM pipeline_alarm WHERE cleared_at IS NULL ORDER BY raised_at");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                open.add(new OpenAlarm(AlarmKind.valueOf(r.getString(1)), r.getString(2), r.getTimestamp(3).toInstant()));
            }
        }
        return open;
    }

    /**
     * Raises an alarm; the id of the new alarm, or empty when one of that kind is already open (its detail
     * then becomes the latest).
     */
    public Optional<UUID> raise(AlarmKind kind, String detail, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO pipeline_alarm (id, kind, detail, raised_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (kind) WHERE cleared_at IS NULL DO UPDATE SET detail = EXCLUDED.detail
                     RETURNING id, xmax = 0""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, kind.name());
            s.setString(3, detail);
            s.setTimestamp(4, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(2) ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /**
     * Each rule's firings (as kept on review items) created after {@code windowStart}, and between
     * {@code baselineStart} and {@code windowStart}.
     */
    public List<RuleFirings> ruleFirings(Instant baselineStart, Instant windowStart) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT f.rule ->> 'ruleId', count(*) FILTER (WHERE r.created_at > ?),
                            count(*) FILTER (WHERE r.created_at <= ?)
                     FROM review_item r CROSS JOIN LATERAL jsonb_array_elements(r.fired_rules) AS f(rule)
                     WHERE r.created_at > ?
                     GROUP BY 1""")) {
            s.setTimestamp(1, Timestamp.from(windowStart));
            s.setTimestamp(2, Timestamp.from(windowStart));
            s.setTimestamp(3, Timestamp.from(baselineStart));
            try (ResultSet r = s.executeQuery()) {
                List<RuleFirings> firings = new ArrayList<>();
                while (r.next()) {
                    firings.add(new RuleFirings(r.getString(1), r.getLong(2), r.getLong(3)));
                }
                return firings;
            }
        }
    }

    public boolean clear(AlarmKind kind, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE pipeline_alarm SET cleared_at = ? WHERE kind = ? AND cleared_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, kind.name());
            return s.executeUpdate() == 1;
        }
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getTimestamp(column)).map(Timestamp::toInstant);
    }

    /** An alarm raised and not cleared. */
    public record OpenAlarm(AlarmKind kind, String detail, Instant raisedAt) {
    }

    /** How often one rule fired recently and in the baseline before. */
    public record RuleFirings(String ruleId, long recent, long before) {
    }

    /** What the monitor looks at. */
    public record VitalSigns(Optional<Instant> lastMention, Optional<Instant> oldestUnclassified,
                             Optional<Instant> oldestPendingEmail, long deadEmails) {
    }
}
