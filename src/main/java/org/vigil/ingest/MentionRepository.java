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
import java.util.Set;
import java.util.UUID;

/** Stores mentions. One statement per delivery, whatever its size, so batches cost little more than one row. */
@ApplicationScoped
public class MentionRepository {

    /**
     * Inserts in input order (so the first of two equal mentions in one batch wins), resolves the MP
     * from its handle when no MP id was given, and skips mentions already stored.
     */
    private static final String INSERT = """
            INSERT INTO mention (id, platform, external_id, integration_id, webhook_id, mp_id, mp_handle,
                                 author_id, author_handle, author_display_name, text, url, posted_at,
                                 received_at, in_reply_to, declared_lang, raw_sha256)
            SELECT i.id, i.platform, i.external_id, ?, ?, COALESCE(i.mp_id, a.mp_id), i.mp_handle,
                   i.author_id, i.author_handle, i.author_display_name, i.text, i.url, i.posted_at,
                   ?, i.in_reply_to, i.declared_lang, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                 WITH ORDINALITY AS i(id, platform, external_id, mp_id, mp_handle, author_id, author_handle,
                                      author_display_name, text, url, posted_at, in_reply_to, declared_lang, ord)
            LEFT JOIN mp_account a ON i.mp_id IS NULL AND a.platform = i.platform
                                  AND a.handle = lower(ltrim(i.mp_handle, '@'))
            ORDER BY i.ord
            ON CONFLICT (platform, external_id) DO NOTHING
            RETURNING id, mp_id""";

    private static final String FIND_EXISTING = """
            SELECT m.platform, m.external_id, m.id, m.mp_id
            FROM mention m
            JOIN unnest(?::text[], ?::text[]) AS k(platform, external_id)
              ON m.platform = k.platform AND m.external_id = k.external_id""";

    private final AgroalDataSource dataSource;

    MentionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores what is new; returns, for each input in order, the stored mention (new or already there). */
    public List<StoredMention> insert(long integrationId, String webhookId, Instant receivedAt, byte[] rawSha256,
                                      List<IncomingMention> mentions) throws SQLException {
        List<UUID> ids = mentions.stream().map(m -> UUID.randomUUID()).toList();
        Map<UUID, Long> inserted = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, integrationId);
            s.setString(2, webhookId);
            s.setTimestamp(3, Timestamp.from(receivedAt));
            s.setBytes(4, rawSha256);
            s.setArray(5, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(6, text(c, mentions, m -> m.platform().code()));
            s.setArray(7, text(c, mentions, IncomingMention::externalId));
            s.setArray(8, c.createArrayOf("bigint", mentions.stream().map(IncomingMention::mpId).toArray()));
            s.setArray(9, text(c, mentions, IncomingMention::mpHandle));
            s.setArray(10, text(c, mentions, IncomingMention::authorId));
            s.setArray(11, text(c, mentions, IncomingMention::authorHandle));
            s.setArray(12, text(c, mentions, IncomingMention::authorDisplayName));
            s.setArray(13, text(c, mentions, IncomingMention::text));
            s.setArray(14, text(c, mentions, IncomingMention::url));
            s.setArray(15, c.createArrayOf("timestamptz",
                    mentions.stream().map(m -> Timestamp.from(m.postedAt())).toArray()));
            s.setArray(16, text(c, mentions, IncomingMention::inReplyTo));
            s.setArray(17, text(c, mentions, IncomingMention::declaredLang));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    inserted.put(r.getObject(1, UUID.class), (Long) r.getObject(2));
                }
            }
        }
        List<StoredMention> stored = new ArrayList<>(mentions.size());
        List<IncomingMention> skipped = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (!inserted.containsKey(ids.get(i))) {
                skipped.add(mentions.get(i));
            }
        }
        Map<String, StoredMention> existing = skipped.isEmpty() ? Map.of() : findExisting(skipped);
        for (int i = 0; i < mentions.size(); i++) {
            UUID id = ids.get(i);
            stored.add(inserted.containsKey(id)
                    ? new StoredMention(id, inserted.get(id), false)
                    : existing.get(key(mentions.get(i))));
        }
        return stored;
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
                            new StoredMention(r.getObject(3, UUID.class), (Long) r.getObject(4), true));
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

    private static String key(IncomingMention m) {
        return m.platform().code() + '\u0000' + m.externalId();
    }

    private static Array text(Connection c, Collection<IncomingMention> mentions,
                              java.util.function.Function<IncomingMention, String> field) throws SQLException {
        return c.createArrayOf("text", mentions.stream().map(field).toArray());
    }

    /** A mention as stored: its Vigil id, its MP when known, and whether it had been stored before. */
    public record StoredMention(UUID id, Long mpId, boolean duplicate) {
    }
}
