package org.vigil.classify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Owns {@code shadow_classification}: what a candidate model said about each new mention. */
@ApplicationScoped
public class ShadowRepository {

    private final AgroalDataSource dataSource;

    ShadowRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** When the candidate scored its first mention, if it has. */
    public Optional<Instant> firstScored(String modelVersion) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT min(classified_at) FROM shadow_classification WHERE model_version = ?")) {
            s.setString(1, modelVersion);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Optional.ofNullable(r.getTimestamp(1)).map(Timestamp::toInstant);
            }
        }
    }

    /** Triaged mentions received since {@code since}, oldest first, that the candidate has neither scored nor failed on. */
    public List<Unscored> unscored(String modelVersion, Instant since, int limit) throws SQLException {
        List<Unscored> unscored = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT m.id, m.text, m.declared_lang, m.model_version FROM mention m
                WHERE m.state = 'TRIAGED' AND m.received_at >= ? AND m.model_version IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM shadow_classification sc
                                  WHERE sc.model_version = ? AND sc.mention_id = m.id)
                  AND NOT EXISTS (SELECT 1 FROM shadow_failure sf
                                  WHERE sf.model_version = ? AND sf.mention_id = m.id)
                ORDER BY m.received_at, m.id
                LIMIT ?""")) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setString(2, modelVersion);
            s.setString(3, modelVersion);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    unscored.add(new Unscored(r.getObject(1, UUID.class), r.getString(2),
                            Optional.ofNullable(r.getString(3)), r.getString(4)));
                }
            }
        }
        return unscored;
    }

    /** Stores the candidate's classifications; a mention another replica scored meanwhile is skipped. */
    public void save(Map<Unscored, Classification> scored, Instant at) throws SQLException {
        if (scored.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO shadow_classification (model_version, mention_id, live_model_version, classified_at,
                                                   lang, violent, racist, sexist, labels)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            for (Map.Entry<Unscored, Classification> entry : scored.entrySet()) {
                Classification result = entry.getValue();
                s.setString(1, result.modelVersion());
                s.setObject(2, entry.getKey().id());
                s.setString(3, entry.getKey().liveModelVersion());
                s.setTimestamp(4, Timestamp.from(at));
                s.setString(5, result.lang());
                s.setDouble(6, result.scores().get(Category.VIOLENT));
                s.setDouble(7, result.scores().get(Category.RACIST));
                s.setDouble(8, result.scores().get(Category.SEXIST));
                s.setArray(9, c.createArrayOf("text", result.labels().stream().map(Enum::name).toArray()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Records the mentions the candidate failed on, with the error, so that they are not tried again. */
    public void saveFailures(String modelVersion, Map<Unscored, String> errors, Instant at) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO shadow_failure (model_version, mention_id, failed_at, error) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            for (Map.Entry<Unscored, String> entry : errors.entrySet()) {
                s.setString(1, modelVersion);
                s.setObject(2, entry.getKey().id());
                s.setTimestamp(3, Timestamp.from(at));
                s.setString(4, entry.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** How many mentions the candidate failed on. */
    public long failures(String modelVersion) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM shadow_failure WHERE model_version = ?")) {
            s.setString(1, modelVersion);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A triaged mention the candidate has not scored, and the live model version in force for it. */
    public record Unscored(UUID id, String text, Optional<String> declaredLang, String liveModelVersion) {
    }
}
