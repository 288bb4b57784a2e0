package org.vigil.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.TreeMap;
import java.util.UUID;

/** Mentions awaiting classification, and the classifications they receive (it owns mention_classification). */
@ApplicationScoped
public class ClassificationRepository {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ClassificationRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Locks up to {@code limit} waiting mentions, newest first; other workers skip them until commit. When
     * ingest outruns the classifier, a backlog drains after what just arrived, so a new threat is not scored
     * behind minutes of older mentions (the pipeline alarm reports the backlog's age). Re-classification
     * never queues here (see {@link ReclassificationService}).
     */
    public List<PendingMention> claimPending(int limit) throws SQLException {
        List<PendingMention> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, text, declared_lang FROM mention
                     WHERE state = 'RECEIVED'
                     ORDER BY received_at DESC
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED""")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pending.add(new PendingMention(r.getObject(1, UUID.class), r.getString(2),
                            Optional.ofNullable(r.getString(3))));
                }
            }
        }
        return pending;
    }

    /**
     * Records each classification beside those of earlier model versions, in mention-id order: two transactions
     * writing overlapping mentions (a drain and the re-classification lane, or two replicas) then wait for each
     * other instead of deadlocking, as they did in claim order.
     */
    public void save(Map<UUID, Classification> classifications, Instant classifiedAt) throws SQLException {
        if (classifications.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO mention_classification
                         (mention_id, model_version, classified_at, lang, violent, racist, sexist, labels, explanation)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                     ON CONFLICT (mention_id, model_version) DO UPDATE SET
                         classified_at = EXCLUDED.classified_at, lang = EXCLUDED.lang,
                         violent = EXCLUDED.violent, racist = EXCLUDED.racist, sexist = EXCLUDED.sexist,
                         labels = EXCLUDED.labels, explanation = EXCLUDED.explanation""")) {
            for (Map.Entry<UUID, Classification> entry : new TreeMap<>(classifications).entrySet()) {
                Classification result = entry.getValue();
                insert.setObject(1, entry.getKey());
                insert.setString(2, result.modelVersion());
                insert.setTimestamp(3, Timestamp.from(classifiedAt));
                insert.setString(4, result.lang());
                insert.setDouble(5, result.scores().get(Category.VIOLENT));
                insert.setDouble(6, result.scores().get(Category.RACIST));
                insert.setDouble(7, result.scores().get(Category.SEXIST));
                insert.setArray(8, c.createArrayOf("text", result.labels().stream().map(Enum::name).toArray()));
                insert.setString(9, write(result.explanation()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation is always serialisable", e);
        }
    }
}
