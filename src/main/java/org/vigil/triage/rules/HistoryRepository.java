package org.vigil.triage.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.triage.TriageCandidate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The history the rules look at: flagged mentions per author and per MP over a window, an MP's volume,
 * and the mention signatures and campaigns that group near-identical texts. Flagged means the
 * classification in force labelled at least one category.
 */
@ApplicationScoped
public class HistoryRepository {

    private final AgroalDataSource dataSource;

    HistoryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long authorFlagged(String platform, String authorId, Instant from, Instant to) throws SQLException {
        return count("""
                SELECT count(*) FROM mention m
                JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                WHERE m.platform = ? AND m.author_id = ? AND m.received_at > ? AND m.received_at <= ?
                  AND cardinality(k.labels) > 0""", platform, authorId, from, to);
    }

    /** Flagged mentions aimed at the candidate's MP (registered, or by handle while unregistered). */
    public long targetFlagged(TriageCandidate candidate, Instant from, Instant to) throws SQLException {
        return countAtTarget("""
                SELECT count(*) FROM mention m
                JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                WHERE %s AND m.received_at > ? AND m.received_at <= ? AND cardinality(k.labels) > 0""",
                candidate, from, to);
    }

    /** Mentions aimed at the candidate's MP (registered, or by handle while unregistered). */
    public long targetMentions(TriageCandidate candidate, Instant from, Instant to) throws SQLException {
        return countAtTarget("SELECT count(*) FROM mention m WHERE %s AND m.received_at > ? AND m.received_at <= ?",
                candidate, from, to);
    }

    private long countAtTarget(String sql, TriageCandidate candidate, Instant from, Instant to) throws SQLException {
        if (candidate.mpId().isPresent()) {
            return count(sql.formatted("m.mp_id = ?"), candidate.mpId().get(), from, to);
        }
        return count(sql.formatted("m.mp_id IS NULL AND m.platform = ? AND lower(ltrim(m.mp_handle, '@')) = ?"),
                candidate.platform(), candidate.normalisedHandle().orElseThrow(), from, to);
    }

    /** Keeps the mention's signature for later comparisons; a re-triaged mention keeps its first one. */
    public void saveSignature(UUID mentionId, String target, Optional<String> authorKey, int[] signature,
                              Instant receivedAt) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO mention_signature (mention_id, target, author_key, signature, received_at)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (mention_id) DO NOTHING""")) {
            s.setObject(1, mentionId);
            s.setString(2, target);
            s.setString(3, authorKey.orElse(null));
            s.setArray(4, c.createArrayOf("integer", java.util.Arrays.stream(signature).boxed().toArray()));
            s.setTimestamp(5, Timestamp.from(receivedAt));
            s.executeUpdate();
        }
    }

    /**
     * Signatures of other mentions aimed at the same target within the window, with their campaign. Two
     * replicas triaging members of a new campaign at the same moment may each found one; later members join
     * the older, so the split stays small (a lock here could deadlock triage batches across replicas).
     */
    public List<SignedMention> recentSignatures(String target, UUID except, Instant from, Instant to, int limit)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT s.mention_id, s.author_key, s.signature, cm.campaign_id
                     FROM mention_signature s LEFT JOIN campaign_member cm ON cm.mention_id = s.mention_id
                     WHERE s.target = ? AND s.mention_id <> ? AND s.received_at > ? AND s.received_at <= ?
                     ORDER BY s.received_at DESC LIMIT ?""")) {
            s.setString(1, target);
            s.setObject(2, except);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setInt(5, limit);
            try (ResultSet r = s.executeQuery()) {
                List<SignedMention> found = new ArrayList<>();
                while (r.next()) {
                    Integer[] boxed = (Integer[]) r.getArray(3).getArray();
                    int[] signature = java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
                    found.add(new SignedMention(r.getObject(1, UUID.class), Optional.ofNullable(r.getString(2)),
                            signature, Optional.ofNullable((Long) r.getObject(4))));
                }
                return found;
            }
        }
    }

    public long newCampaign(String target, Instant firstSeen) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO campaign (target, first_seen) VALUES (?, ?) RETURNING id")) {
            s.setString(1, target);
            s.setTimestamp(2, Timestamp.from(firstSeen));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Adds mentions to a campaign; a mention already in one stays where it is. */
    public void join(long campaignId, List<SignedMention> members) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO campaign_member (mention_id, campaign_id, author_key) VALUES (?, ?, ?)
                     ON CONFLICT (mention_id) DO NOTHING""")) {
            for (SignedMention member : members) {
                s.setObject(1, member.mentionId());
                s.setLong(2, campaignId);
                s.setString(3, member.authorKey().orElse(null));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Members and distinct authors of a campaign. */
    public History.Campaign campaign(long campaignId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(DISTINCT author_key), count(*) FROM campaign_member WHERE campaign_id = ?")) {
            s.setLong(1, campaignId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new History.Campaign(campaignId, r.getInt(1), r.getInt(2));
            }
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                s.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A mention's signature as compared for campaigns. */
    public record SignedMention(UUID mentionId, Optional<String> authorKey, int[] signature,
                                Optional<Long> campaignId) {
    }
}
