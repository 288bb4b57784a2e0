package org.vigil.triage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;
import org.vigil.ingest.MentionState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Reads the mentions waiting for triage (or already triaged), with the classification in force for each. */
@ApplicationScoped
public class TriageRepository {

    /** A mention with the classification in force, as {@link #candidate} reads it; each query adds its WHERE. */
    private static final String CANDIDATES = """
            SELECT m.id, m.mp_id, m.platform, m.author_id, m.author_handle, m.text,
                   COALESCE(cl.lang, m.detected_lang, m.declared_lang), cl.violent, cl.racist, cl.sexist,
                   cl.labels, m.state, m.posted_at, m.received_at, m.mp_handle
            FROM mention m
            LEFT JOIN mention_classification cl
                   ON cl.mention_id = m.id AND cl.model_version = m.model_version
            """;

    private final AgroalDataSource dataSource;

    TriageRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Locks up to {@code limit} mentions waiting for triage, oldest first; other workers skip them until
     * commit. {@code thresholds} gives the thresholds in force for a language.
     */
    public List<TriageCandidate> claimPending(int limit, Function<String, Map<Category, Double>> thresholds)
            throws SQLException {
        List<TriageCandidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(CANDIDATES + """
                     WHERE m.state IN (?, ?)
                     ORDER BY m.received_at
                     LIMIT ?
                     FOR UPDATE OF m SKIP LOCKED""")) {
            s.setString(1, MentionState.CLASSIFIED.name());
            s.setString(2, MentionState.UNCLASSIFIABLE.name());
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(candidate(r, thresholds));
                }
            }
        }
        return candidates;
    }

    /**
     * Mentions already triaged that were received since {@code from}, newest first, at most {@code limit}:
     * reads only and locks nothing, for trying rules against recent traffic.
     */
    public List<TriageCandidate> triagedSince(Instant from, int limit,
                                              Function<String, Map<Category, Double>> thresholds) throws SQLException {
        List<TriageCandidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(CANDIDATES + """
                     WHERE m.state = ? AND m.received_at >= ?
                     ORDER BY m.received_at DESC
                     LIMIT ?""")) {
            s.setString(1, MentionState.TRIAGED.name());
            s.setTimestamp(2, Timestamp.from(from));
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(candidate(r, thresholds));
                }
            }
        }
        return candidates;
    }

    private static TriageCandidate candidate(ResultSet r, Function<String, Map<Category, Double>> thresholds)
            throws SQLException {
        boolean unclassifiable = MentionState.UNCLASSIFIABLE.name().equals(r.getString(12));
        Optional<String> lang = Optional.ofNullable(r.getString(7));
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Set<Category> labels = EnumSet.noneOf(Category.class);
        if (!unclassifiable) {
            scores.put(Category.VIOLENT, r.getDouble(8));
            scores.put(Category.RACIST, r.getDouble(9));
            scores.put(Category.SEXIST, r.getDouble(10));
            Array labelArray = r.getArray(11);
            for (String label : (String[]) labelArray.getArray()) {
                labels.add(Category.valueOf(label));
            }
        }
        Optional<Long> mpId = Optional.ofNullable(r.getObject(2, Long.class));
        return new TriageCandidate(r.getObject(1, UUID.class), mpId, Optional.ofNullable(r.getString(15)),
                r.getString(3), Optional.ofNullable(r.getString(4)), Optional.ofNullable(r.getString(5)),
                r.getString(6), lang, scores, labels, thresholds.apply(lang.orElse("")), unclassifiable,
                r.getTimestamp(13).toInstant(), r.getTimestamp(14).toInstant());
    }
}
