package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;
import org.vigil.paging.PageCursor;
import org.vigil.triage.Priority;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Whether the item already has a case, or was folded into one. */
    public boolean itemEscalated(UUID itemId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM escalation_case WHERE item_id = ?)
                         OR EXISTS (SELECT 1 FROM escalation_folded_item WHERE item_id = ?)""")) {
            s.setObject(1, itemId);
            s.setObject(2, itemId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** Opens a case for the item; false when the item already has one (escalated before). */
    public boolean open(UUID caseId, UUID itemId, MentionFacts facts, Priority priority, String raisedBy,
                        Instant raisedAt, String alertJson) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_case (id, item_id, mention_id, mp_id, author_key, priority, raised_by, raised_at,
                                                  last_alert_at, alert)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                     ON CONFLICT (item_id) DO NOTHING""")) {
            s.setObject(1, caseId);
            s.setObject(2, itemId);
            s.setObject(3, facts.mentionId());
            s.setObject(4, facts.mpId().orElse(null));
            s.setString(5, facts.authorKey().orElse(null));
            s.setInt(6, priority.rank());
            s.setString(7, raisedBy);
            s.setTimestamp(8, Timestamp.from(raisedAt));
            s.setTimestamp(9, Timestamp.from(raisedAt));
            s.setString(10, alertJson);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * A case still open or acknowledged for the same author and MP (by handle while the MP is not registered),
     * raised since {@code since}, at least as urgent as {@code priority}: a new escalation folds into it
     * instead of alerting again.
     */
    public Optional<UUID> foldTarget(MentionFacts facts, Priority priority, Instant since) throws SQLException {
        if (facts.authorKey().isEmpty()) {
            return Optional.empty();
        }
        // An MP not yet registered is told apart by the handle the mentions were aimed at.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT ec.id FROM escalation_case ec
                     JOIN mention earlier ON earlier.id = ec.mention_id
                     JOIN mention current ON current.id = ?
                     WHERE ec.author_key = ? AND ec.raised_at >= ? AND ec.priority <= ? AND ec.state <> 'RESOLVED'
                       AND (ec.mp_id = current.mp_id OR (ec.mp_id IS NULL AND current.mp_id IS NULL
                            AND lower(ltrim(earlier.mp_handle, '@')) = lower(ltrim(current.mp_handle, '@'))))
                     ORDER BY ec.raised_at DESC LIMIT 1""")) {
            s.setObject(1, facts.mentionId());
            s.setString(2, facts.authorKey().get());
            s.setTimestamp(3, Timestamp.from(since));
            s.setInt(4, priority.rank());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Records an item folded into a case; false when the item was folded before. */
    public boolean fold(UUID caseId, UUID itemId, UUID mentionId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO escalation_folded_item (item_id, case_id, mention_id, folded_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (item_id) DO NOTHING""");
             PreparedStatement count = c.prepareStatement("UPDATE escalation_case SET folded = folded + 1 WHERE id = ?")) {
            insert.setObject(1, itemId);
            insert.setObject(2, caseId);
            insert.setObject(3, mentionId);
            insert.setTimestamp(4, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return false;
            }
            count.setObject(1, caseId);
            count.executeUpdate();
            return true;
        }
    }

    public Optional<EscalationCase> find(UUID caseId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, item_id, priority, state, raised_at, tier_steps, folded, acknowledged_at, acknowledged_by,
                            alert::text
                     FROM escalation_case WHERE id = ?""")) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(escalationCase(r)) : Optional.empty();
            }
        }
    }

    /**
     * Cases not resolved yet as the security unit's page lists them, from just after {@code after} (from the top
     * when empty): open ones first, then by priority, newest first, the higher id first among equal times. "Open"
     * means open when the list's first page was read ({@code firstPageAt}, or the cursor's), so a case acknowledged
     * while someone pages keeps its place instead of moving below the cursor and being shown again.
     */
    public CasePage unresolved(Optional<PageCursor> after, Instant firstPageAt, int size) throws SQLException {
        Instant asOf = after.map(cursor -> cursor.time(0)).orElse(firstPageAt);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, priority, state, raised_at, mp_name, category, platform, folded, tier_steps,
                            acknowledged_by, taken
                     FROM (SELECT id, priority, state, raised_at, coalesce(alert->>'mpName', '?') AS mp_name,
                                  coalesce(alert->>'category', '') AS category, coalesce(alert->>'platform', '') AS platform,
                                  folded, tier_steps, acknowledged_by,
                                  state = 'ACKNOWLEDGED' AND acknowledged_at <= ? AS taken
                           FROM escalation_case WHERE state <> 'RESOLVED') listed
                     %s
                     ORDER BY taken, priority, raised_at DESC, id DESC LIMIT ?""".formatted(after.isPresent()
                     ? "WHERE (taken, priority) > (?, ?) OR ((taken, priority) = (?, ?) AND (raised_at, id) < (?, ?))"
                     : ""))) {
            int parameter = 1;
            s.setTimestamp(parameter++, Timestamp.from(asOf));
            if (after.isPresent()) {
                PageCursor last = after.get();
                boolean taken = last.number(1) == 1;
                int priority = (int) last.number(2);
                s.setBoolean(parameter++, taken);
                s.setInt(parameter++, priority);
                s.setBoolean(parameter++, taken);
                s.setInt(parameter++, priority);
                s.setTimestamp(parameter++, Timestamp.from(last.time(3)));
                s.setObject(parameter++, last.uuid(4));
            }
            // One row more than the page tells whether more cases follow, without counting them.
            s.setInt(parameter, size + 1);
            try (ResultSet r = s.executeQuery()) {
                List<CaseRow> rows = new ArrayList<>();
                PageCursor afterLastShown = null;
                while (r.next()) {
                    if (rows.size() == size) {
                        return new CasePage(rows, Optional.of(afterLastShown));
                    }
                    CaseRow row = new CaseRow(r.getObject(1, UUID.class), Priority.ofRank(r.getInt(2)),
                            CaseState.valueOf(r.getString(3)), r.getTimestamp(4).toInstant(), r.getString(5),
                            r.getString(6), r.getString(7), r.getInt(8), r.getInt(9), Optional.ofNullable(r.getString(10)));
                    rows.add(row);
                    afterLastShown = PageCursor.of(CasePage.LIST, asOf, r.getBoolean(11) ? 1L : 0L,
                            (long) row.priority().rank(), row.raisedAt(), row.id());
                }
                return new CasePage(rows, Optional.empty());
            }
        }
    }

    /** How many cases are not resolved yet. */
    public int unresolvedCount() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM escalation_case WHERE state <> 'RESOLVED'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Moves a case from one of {@code from} to {@code to}; false when it was in none of them. */
    public boolean transition(UUID caseId, List<CaseState> from, CaseState to, String by, Instant now)
            throws SQLException {
        String who = to == CaseState.ACKNOWLEDGED ? "acknowledged" : "resolved";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE escalation_case SET state = ?, " + who + "_at = ?, "
                     + who + "_by = ? WHERE id = ? AND state = ANY (?)")) {
            s.setString(1, to.name());
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, by);
            s.setObject(4, caseId);
            s.setArray(5, c.createArrayOf("text", from.stream().map(Enum::name).toArray()));
            return s.executeUpdate() == 1;
        }
    }

    /** Open P1 cases whose last alert is older than {@code before} and that went to fewer than {@code steps} tiers. */
    public List<EscalationCase> dueForNextTier(Instant before, int steps, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, item_id, priority, state, raised_at, tier_steps, folded, acknowledged_at, acknowledged_by,
                            alert::text
                     FROM escalation_case
                     WHERE state = 'OPEN' AND priority = 1 AND last_alert_at <= ? AND tier_steps < ?
                     ORDER BY last_alert_at LIMIT ?
                     FOR UPDATE SKIP LOCKED""")) {
            s.setTimestamp(1, Timestamp.from(before));
            s.setInt(2, steps);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                List<EscalationCase> due = new ArrayList<>();
                while (r.next()) {
                    due.add(escalationCase(r));
                }
                return due;
            }
        }
    }

    public void recordTierStep(UUID caseId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE escalation_case SET tier_steps = tier_steps + 1, last_alert_at = ? WHERE id = ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, caseId);
            s.executeUpdate();
        }
    }

    /** The key signing acknowledgement links, generated by the first instance that needs it. */
    public byte[] linkSecret() throws SQLException {
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO escalation_secret (name, secret, created_at) VALUES ('ack-links', ?, now())
                     ON CONFLICT (name) DO NOTHING""");
             PreparedStatement select = c.prepareStatement("SELECT secret FROM escalation_secret WHERE name = 'ack-links'")) {
            insert.setBytes(1, generated);
            insert.executeUpdate();
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        }
    }

    /** A case as the security unit's page lists it: what the first alert said, never the mention's text. */
    public record CaseRow(UUID id, Priority priority, CaseState state, Instant raisedAt, String mpName, String category,
                          String platform, int folded, int tierSteps, Optional<String> acknowledgedBy) {

        public boolean open() {
            return state == CaseState.OPEN;
        }
    }

    private static EscalationCase escalationCase(ResultSet r) throws SQLException {
        return new EscalationCase(r.getObject(1, UUID.class), r.getObject(2, UUID.class), Priority.ofRank(r.getInt(3)),
                CaseState.valueOf(r.getString(4)), r.getTimestamp(5).toInstant(), r.getInt(6), r.getInt(7),
                Optional.ofNullable(r.getTimestamp(8)).map(Timestamp::toInstant), Optional.ofNullable(r.getString(9)),
                r.getString(10));
    }
}
