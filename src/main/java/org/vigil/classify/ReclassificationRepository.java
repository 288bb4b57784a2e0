package org.vigil.classify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Owns {@code reclassification_request}, and finds the triaged mentions a request still has to re-score
 * (the mentions themselves change only through {@link org.vigil.ingest.MentionRepository}).
 */
@ApplicationScoped
public class ReclassificationRepository {

    private static final String COLUMNS = """
            id, requested_at, requested_by, model_version, state, rescored, labels_changed, failed, finished_at""";

    private final AgroalDataSource dataSource;

    ReclassificationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a new pending request. */
    public ReclassificationRequest insert(Instant at, String requestedBy, String modelVersion) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO reclassification_request (requested_at, requested_by, model_version) VALUES (?, ?, ?) "
                        + "RETURNING " + COLUMNS)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, requestedBy);
            s.setString(3, modelVersion);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return request(r);
            }
        }
    }

    public Optional<ReclassificationRequest> find(long id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM reclassification_request WHERE id = ?", id);
    }

    /** The oldest pending request, or else the latest finished one. */
    public Optional<ReclassificationRequest> current() throws SQLException {
        return one("SELECT " + COLUMNS + " FROM reclassification_request ORDER BY state = 'DONE', "
                + "CASE WHEN state = 'PENDING' THEN id ELSE -id END LIMIT 1", null);
    }

    /** Locks the oldest pending request; another lane (replica, command) skips it until commit. */
    public Optional<Place> lockOldestPending() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, after_received_at, after_mention_id FROM reclassification_request
                WHERE state = 'PENDING' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp after = r.getTimestamp(2);
                return Optional.of(new Place(r.getLong(1), Optional.ofNullable(after).map(Timestamp::toInstant),
                        Optional.ofNullable(r.getObject(3, UUID.class))));
            }
        }
    }

    /** Whether any mention waits for classification or triage: the lane then gives way. */
    public boolean newMentionsWait() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM mention WHERE state = 'RECEIVED')
                    OR EXISTS (SELECT 1 FROM mention WHERE state IN ('CLASSIFIED', 'UNCLASSIFIABLE'))""");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /**
     * Locks the next {@code limit} triaged mentions after the request's place, in arrival order, that have no
     * classification in force by {@code modelVersion}; with the labels of the classification they have.
     */
    public List<Stale> nextStale(Place place, String modelVersion, int limit) throws SQLException {
        List<Stale> stale = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT m.id, m.text, m.declared_lang, m.received_at, cl.labels
                FROM mention m
                LEFT JOIN mention_classification cl ON cl.mention_id = m.id AND cl.model_version = m.model_version
                WHERE m.state = 'TRIAGED' AND m.model_version IS DISTINCT FROM ?
                  AND (?::timestamptz IS NULL OR (m.received_at, m.id) > (?::timestamptz, ?::uuid))
                ORDER BY m.received_at, m.id
                LIMIT ?
                FOR UPDATE OF m""")) {
            Timestamp after = place.afterReceivedAt().map(Timestamp::from).orElse(null);
            s.setString(1, modelVersion);
            s.setTimestamp(2, after);
            s.setTimestamp(3, after);
            s.setObject(4, place.afterMentionId().orElse(null));
            s.setInt(5, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Array labels = r.getArray(5);
                    stale.add(new Stale(r.getObject(1, UUID.class), r.getString(2),
                            Optional.ofNullable(r.getString(3)), r.getTimestamp(4).toInstant(),
                            labels == null ? Set.of() : Set.of((String[]) labels.getArray())));
                }
            }
        }
        return stale;
    }

    /** Moves the request's place past {@code last} and adds to its counts. */
    public void advance(long id, Stale last, int rescored, int labelsChanged, int failed) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE reclassification_request SET after_received_at = ?, after_mention_id = ?,
                    rescored = rescored + ?, labels_changed = labels_changed + ?, failed = failed + ?
                WHERE id = ?""")) {
            s.setTimestamp(1, Timestamp.from(last.receivedAt()));
            s.setObject(2, last.id());
            s.setInt(3, rescored);
            s.setInt(4, labelsChanged);
            s.setInt(5, failed);
            s.setLong(6, id);
            s.executeUpdate();
        }
    }

    public void finish(long id, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE reclassification_request SET state = ?, finished_at = ? WHERE id = ? AND state = ?")) {
            s.setString(1, ReclassificationState.DONE.name());
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, id);
            s.setString(4, ReclassificationState.PENDING.name());
            s.executeUpdate();
        }
    }

    /** Mentions past classification whose classification in force is not by {@code modelVersion} (or none). */
    public long olderModelCount(String modelVersion) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM mention WHERE state <> 'RECEIVED' AND model_version IS DISTINCT FROM ?")) {
            s.setString(1, modelVersion);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Optional<ReclassificationRequest> one(String sql, Long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(request(r)) : Optional.empty();
            }
        }
    }

    private static ReclassificationRequest request(ResultSet r) throws SQLException {
        Timestamp finished = r.getTimestamp(9);
        return new ReclassificationRequest(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
                r.getString(4), ReclassificationState.valueOf(r.getString(5)), r.getInt(6), r.getInt(7),
                r.getInt(8), Optional.ofNullable(finished).map(Timestamp::toInstant));
    }

    /** A pending request and the last mention it re-scored (by arrival), if any. */
    public record Place(long requestId, Optional<Instant> afterReceivedAt, Optional<UUID> afterMentionId) {
    }

    /** A triaged mention classified by another model version (or none), with the labels in force. */
    public record Stale(UUID id, String text, Optional<String> declaredLang, Instant receivedAt, Set<String> labels) {
    }
}
