package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;
import org.vigil.triage.Priority;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Escalation cases, and the read-only facts about mentions and authors that alerts quote. */
@ApplicationScoped
public class CaseRepository {

    private final AgroalDataSource dataSource;

    CaseRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<MentionFacts> mentionFacts(UUID mentionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT m.mp_id, coalesce(mp.name, m.mp_handle, '?'), m.platform, m.author_id,
                            coalesce(m.author_handle, m.author_display_name, m.author_id, '?'), m.text, m.posted_at,
                            k.violent, k.racist, k.sexist, k.labels
                     FROM mention m
                     LEFT JOIN mp ON mp.id = m.mp_id
                     LEFT JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                     WHERE m.id = ?""")) {
            s.setObject(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Map<Category, Double> scores = new EnumMap<>(Category.class);
                Set<Category> labels = EnumSet.noneOf(Category.class);
                if (r.getObject(8) != null) {
                    scores.put(Category.VIOLENT, r.getDouble(8));
                    scores.put(Category.RACIST, r.getDouble(9));
                    scores.put(Category.SEXIST, r.getDouble(10));
                    Array array = r.getArray(11);
                    Arrays.stream((String[]) array.getArray()).map(Category::valueOf).forEach(labels::add);
                }
                return Optional.of(new MentionFacts(mentionId, Optional.ofNullable((Long) r.getObject(1)),
                        r.getString(2), r.getString(3), Optional.ofNullable(r.getString(4)), r.getString(5),
                        r.getString(6), r.getTimestamp(7).toInstant(), scores, labels));
            }
        }
    }

    /** The author's mentions on that platform since {@code now - window}, flagged ones, and MPs addressed. */
    public AuthorHistory authorHistory(String platform, String authorId, Instant now, Duration window)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT count(*),
                            count(*) FILTER (WHERE cardinality(k.labels) > 0),
                            count(DISTINCT coalesce(m.mp_id::text, lower(ltrim(m.mp_handle, '@'))))
                     FROM mention m
                     LEFT JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                     WHERE m.platform = ? AND m.author_id = ? AND m.posted_at >= ?""")) {
            s.setString(1, platform);
            s.setString(2, authorId);
            s.setTimestamp(3, Timestamp.from(now.minus(window)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new AuthorHistory(window, r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    /** Opens a case for the item; false when the item already has one (escalated before). */
    public boolean open(UUID caseId, UUID itemId, MentionFacts facts, Priority priority, String raisedBy,
                        Instant raisedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_case (id, item_id, mention_id, mp_id, author_key, priority, raised_by, raised_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (item_id) DO NOTHING""")) {
            s.setObject(1, caseId);
            s.setObject(2, itemId);
            s.setObject(3, facts.mentionId());
            s.setObject(4, facts.mpId().orElse(null));
            s.setString(5, facts.authorKey().orElse(null));
            s.setInt(6, priority.rank());
            s.setString(7, raisedBy);
            s.setTimestamp(8, Timestamp.from(raisedAt));
            return s.executeUpdate() == 1;
        }
    }
}
