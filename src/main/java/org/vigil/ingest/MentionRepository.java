package org.vigil.ingest;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Owns the {@code mention} table: every statement that changes a mention is here. Stores deliveries (one
 * statement per delivery, whatever its size, so batches cost little more than one row), moves mentions
 * through their {@link MentionState}s, and attributes them to MPs.
 */
@ApplicationScoped
public class MentionRepository {

    /**
     * Claims the webhook-id and stores the delivery's new mentions in one statement. A second claim of
     * the same id waits on the delivery's primary key until the first commits, then inserts nothing.
     * Mentions go in input order (so the first of two equal mentions in one batch wins), take their MP
     * from the handle when no MP id was given, and are skipped when already stored. The result holds a
     * row per inserted mention, plus one row without an id when the claim succeeded.
     */
    private static final String CLAIM_AND_INSERT = """
            WITH claim AS (
                INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body, response)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING integration_id, webhook_id, received_at, body_sha256
            ), inserted AS (
            INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle,
                                 author_id, author_handle, author_display_name, text, url, posted_at,
                                 received_at, in_reply_to, declared_lang, raw_sha256)
            SELECT i.id, i.platform, i.external_id, c.integration_id, c.webhook_id, COALESCE(i.mp_id, a.mp_id),
                   i.mp_handle, i.author_id, i.author_handle, i.author_display_name, i.text, i.url, i.posted_at,
                   c.received_at, i.in_reply_to, i.declared_lang, c.body_sha256
            FROM claim c
            CROSS JOIN unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                 WITH ORDINALITY AS i(id, platform, external_id, mp_id, mp_handle, author_id, author_handle,
                                      author_display_name, text, url, posted_at, in_reply_to, declared_lang, ord)
            LEFT JOIN mp_account a ON i.mp_id IS NULL AND a.platform = i.platform
                                  AND a.handle = lower(ltrim(i.mp_handle, '@'))
            ORDER BY i.ord
            ON CONFLICT (platform, external_id) DO NOTHING
            RETURNING id, mp_id
            )
            SELECT id, mp_id FROM inserted
            UNION ALL
            SELECT NULL, NULL FROM claim""";

    private static final String FIND_EXISTING = """
            SELECT m.platform, m.external_id, m.id, m.mp_id
            FROM mention m
            JOIN unnest(?::text[], ?::text[]) AS k(platform, external_id)
              ON m.platform = k.platform AND m.external_id = k.external_id""";

    private final AgroalDataSource dataSource;

    MentionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the delivery, storing its body and the answer expected for it, and inserts its mentions
     * under the given ids. Returns, for each mention in order, the stored mention (new or already
     * there); empty when the webhook-id had been claimed before, and nothing was written.
     */
    public Optional<List<StoredMention>> claimAndInsert(Delivery delivery, List<IncomingMention> mentions,
                                                        List<UUID> ids) throws SQLException {
        Map<UUID, Boolean> inserted = new HashMap<>();
        boolean claimed = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM_AND_INSERT)) {
            s.setLong(1, delivery.integrationId());
            s.setString(2, delivery.webhookId());
            s.setTimestamp(3, Timestamp.from(delivery.receivedAt()));
            s.setBytes(4, delivery.sha256());
            s.setBytes(5, delivery.body());
            s.setString(6, delivery.expectedResponse());
            s.setArray(7, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(8, text(c, mentions, m -> m.platform().code()));
            s.setArray(9, text(c, mentions, IncomingMention::externalId));
            s.setArray(10, c.createArrayOf("bigint", mentions.stream().map(IncomingMention::mpId).toArray()));
            s.setArray(11, text(c, mentions, IncomingMention::mpHandle));
            s.setArray(12, text(c, mentions, IncomingMention::authorId));
            s.setArray(13, text(c, mentions, IncomingMention::authorHandle));
            s.setArray(14, text(c, mentions, IncomingMention::authorDisplayName));
            s.setArray(15, text(c, mentions, IncomingMention::text));
            s.setArray(16, text(c, mentions, IncomingMention::url));
            s.setArray(17, c.createArrayOf("timestamptz",
                    mentions.stream().map(m -> Timestamp.from(m.postedAt())).toArray()));
            s.setArray(18, text(c, mentions, IncomingMention::inReplyTo));
            s.setArray(19, text(c, mentions, IncomingMention::declaredLang));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (id == null) {
                        claimed = true;
                    } else {
                        inserted.put(id, r.getObject(2) != null);
                    }
                }
            }
        }
        if (!claimed) {
            return Optional.empty();
        }
        List<IncomingMention> skipped = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (!inserted.containsKey(ids.get(i))) {
                skipped.add(mentions.get(i));
            }
        }
        Map<String, StoredMention> existing = skipped.isEmpty() ? Map.of() : findExisting(skipped);
        List<StoredMention> stored = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            UUID id = ids.get(i);
            stored.add(inserted.containsKey(id)
                    ? new StoredMention(id, inserted.get(id), false)
                    : existing.get(key(mentions.get(i))));
        }
        return Optional.of(stored);
    }

    /** Existing ids of the given mentions, by platform and external id. */
    private Map<String, StoredMention> findExisting(Collection<IncomingMention> mentions) throws SQLException {
        Map<String, StoredMention> byKey = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND_EXISTING)) {
            s.setArray(1, text(c, mentions, m -> m.platform().code()));
            s.setArray(2, text(c, mentions, IncomingMention::externalId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byKey.put(r.getString(1) + '\u0000' + r.getString(2),
                            new StoredMention(r.getObject(3, UUID.class), r.getObject(4) != null, true));
                }
            }
        }
        return byKey;
    }

    /** Which of these MP ids exist. */
    public Set<Long> existingMpIds(Collection<Long> mpIds) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM mp WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", mpIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getLong(1));
                }
            }
        }
        return found;
    }

    /** Makes each given classification the one in force and hands the mention on to triage. */
    public void markClassified(Collection<ClassifiedMention> classified) throws SQLException {
        if (classified.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE mention SET state = ?, model_version = ?, detected_lang = ? WHERE id = ?")) {
            for (ClassifiedMention mention : classified) {
                s.setString(1, MentionState.CLASSIFIED.name());
                s.setString(2, mention.modelVersion());
                s.setString(3, mention.detectedLang());
                s.setObject(4, mention.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Moves the given mentions to {@code state}. */
    public void markAll(Collection<UUID> mentionIds, MentionState state) throws SQLException {
        if (mentionIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE mention SET state = ? WHERE id = ANY (?)")) {
            s.setString(1, state.name());
            s.setArray(2, c.createArrayOf("uuid", mentionIds.toArray()));
            s.executeUpdate();
        }
    }

    /**
     * Makes the re-classification of triaged mentions the classification in force. A mention stays triaged,
     * unless {@link RescoredMention#backToTriage()}: then triage sees it once more.
     */
    public void rescored(Collection<RescoredMention> rescored) throws SQLException {
        if (rescored.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE mention SET model_version = ?, detected_lang = ?, state = ?
                     WHERE id = ? AND state = ?""")) {
            for (RescoredMention mention : rescored) {
                s.setString(1, mention.modelVersion());
                s.setString(2, mention.detectedLang());
                s.setString(3, (mention.backToTriage() ? MentionState.CLASSIFIED : MentionState.TRIAGED).name());
                s.setObject(4, mention.id());
                s.setString(5, MentionState.TRIAGED.name());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Attributes to an MP the mentions stored for its handle before the handle was registered. */
    public int attributeToMp(long mpId, String platform, String normalisedHandle) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE mention SET mp_id = ?
                     WHERE mp_id IS NULL AND platform = ? AND lower(ltrim(mp_handle, '@')) = ?""")) {
            s.setLong(1, mpId);
            s.setString(2, platform);
            s.setString(3, normalisedHandle);
            return s.executeUpdate();
        }
    }

    private static String key(IncomingMention m) {
        return m.platform().code() + '\u0000' + m.externalId();
    }

    private static Array text(Connection c, Collection<IncomingMention> mentions,
                              java.util.function.Function<IncomingMention, String> field) throws SQLException {
        return c.createArrayOf("text", mentions.stream().map(field).toArray());
    }

    /** A delivery as it is claimed: who sent it, its raw body and the answer expected for it. */
    public record Delivery(long integrationId, String webhookId, Instant receivedAt, byte[] sha256, byte[] body,
                           String expectedResponse) {
    }

    /** A mention's classification in force: the model version and the language it was scored in. */
    public record ClassifiedMention(UUID id, String modelVersion, String detectedLang) {
    }

    /** A triaged mention's new classification in force, and whether triage must see it again (its labels changed). */
    public record RescoredMention(UUID id, String modelVersion, String detectedLang, boolean backToTriage) {
    }

    /** A mention as stored: its Vigil id, whether its MP is known, and whether it had been stored before. */
    public record StoredMention(UUID id, boolean mpRegistered, boolean duplicate) {
    }
}
