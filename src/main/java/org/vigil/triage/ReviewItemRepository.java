package org.vigil.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Owns {@code review_item}: every statement that creates an item or changes its {@link ReviewState} is
 * here. Each change names the state it expects, so two reviewers racing on one item cannot both win:
 * the loser's statement changes nothing and the caller reports a conflict.
 */
@ApplicationScoped
public class ReviewItemRepository {

    /** Postgres channel told after commit that the open queue changed; the payload is the item id. */
    public static final String QUEUE_CHANNEL = "vigil_review_queue";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ReviewItemRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Puts a mention in the queue, or, when it already has an item (re-triage after re-classification),
     * raises the item's priority if the new one is more urgent and records what the rules said now.
     * Returns the item id and whether it is new.
     */
    public TriagedItem upsert(UUID mentionId, Priority priority, Instant dueAt, Instant now, EntryReason reason,
                              Set<Category> modelCategories, Set<String> tags, List<FiredRule> firedRules,
                              List<String> doxxing) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO review_item (id, mention_id, priority, due_at, created_at, entry_reason,
                                              model_categories, tags, fired_rules, doxxing)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                     ON CONFLICT (mention_id) DO UPDATE SET
                         priority = LEAST(review_item.priority, EXCLUDED.priority),
                         due_at = LEAST(review_item.due_at, EXCLUDED.due_at),
                         model_categories = EXCLUDED.model_categories,
                         tags = ARRAY(SELECT DISTINCT unnest(review_item.tags || EXCLUDED.tags)),
                         fired_rules = EXCLUDED.fired_rules,
                         doxxing = EXCLUDED.doxxing
                     RETURNING id, xmax = 0""")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, mentionId);
            s.setInt(3, priority.rank());
            s.setTimestamp(4, Timestamp.from(dueAt));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, reason.name());
            s.setArray(7, c.createArrayOf("text", modelCategories.stream().map(Enum::name).toArray()));
            s.setArray(8, c.createArrayOf("text", tags.toArray()));
            s.setString(9, write(firedRules));
            s.setArray(10, c.createArrayOf("text", doxxing.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new TriagedItem(r.getObject(1, UUID.class), r.getBoolean(2));
            }
        }
    }

    /** Tells listeners, once this transaction commits, that the open queue changed. */
    public void notifyQueueChanged(UUID itemId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, QUEUE_CHANNEL);
            s.setString(2, itemId.toString());
            s.execute();
        }
    }

    /**
     * Claims the most urgent open item the filter admits (priority, then due time, then age) for
     * {@code reviewer} until {@code leaseUntil}. Items locked by a concurrent claim are skipped, so
     * twenty reviewers asking at once get twenty different items. A reviewer who asked for a second
     * opinion on an item is never handed it back.
     */
    public Optional<UUID> claimNext(String reviewer, QueueFilter filter, Instant now, Instant leaseUntil)
            throws SQLException {
        QueueFilter.Sql where = filter.toSql("r", "m");
        String sql = """
                WITH next AS (
                    SELECT r.id FROM review_item r JOIN mention m ON m.id = r.mention_id
                    WHERE r.state = 'OPEN' AND r.second_opinion_from IS DISTINCT FROM ? %s
                    ORDER BY r.priority, r.due_at, r.created_at
                    LIMIT 1
                    FOR UPDATE OF r SKIP LOCKED)
                UPDATE review_item r SET state = 'CLAIMED', claimed_by = ?, claimed_at = ?, lease_until = ?
                FROM next WHERE r.id = next.id
                RETURNING r.id""".formatted(where.clause());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, reviewer);
            i = where.bind(c, s, i);
            s.setString(i++, reviewer);
            s.setTimestamp(i++, Timestamp.from(now));
            s.setTimestamp(i, Timestamp.from(leaseUntil));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Claims one given open item (a reviewer opening it from the list). */
    public boolean claim(UUID itemId, String reviewer, Instant now, Instant leaseUntil) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'CLAIMED', claimed_by = ?, claimed_at = ?, lease_until = ?
                WHERE id = ? AND state = 'OPEN'""", reviewer, ts(now), ts(leaseUntil), itemId);
    }

    /** Extends the reviewer's lease while their page is open. */
    public boolean renewLease(UUID itemId, String reviewer, Instant leaseUntil) throws SQLException {
        return update("UPDATE review_item SET lease_until = ? WHERE id = ? AND state = 'CLAIMED' AND claimed_by = ?",
                ts(leaseUntil), itemId, reviewer);
    }

    /** Gives the item back to the queue. */
    public boolean release(UUID itemId, String reviewer) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'OPEN', claimed_by = NULL, claimed_at = NULL, lease_until = NULL
                WHERE id = ? AND state = 'CLAIMED' AND claimed_by = ?""", itemId, reviewer);
    }

    /** Returns to the queue every claimed item whose lease ran out; returns the items and their claimants. */
    public List<ExpiredLease> expireLeases(Instant now) throws SQLException {
        List<ExpiredLease> expired = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     WITH expired AS (
                         SELECT id, claimed_by FROM review_item
                         WHERE state = 'CLAIMED' AND lease_until < ?
                         FOR UPDATE SKIP LOCKED)
                     UPDATE review_item r SET state = 'OPEN', claimed_by = NULL, claimed_at = NULL, lease_until = NULL
                     FROM expired WHERE r.id = expired.id
                     RETURNING r.id, expired.claimed_by""")) {
            s.setTimestamp(1, ts(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    expired.add(new ExpiredLease(r.getObject(1, UUID.class), r.getString(2)));
                }
            }
        }
        return expired;
    }

    /** Records the reviewer's decision on an item they hold (claimed or on hold). */
    public boolean decide(UUID itemId, String reviewer, ReviewState decision, Set<Category> categories, Instant now)
            throws SQLException {
        if (!decision.isDecided()) {
            throw new IllegalArgumentException(decision + " is not a decision");
        }
        return update("""
                UPDATE review_item SET state = ?, categories = ?::text[], decided_by = ?, decided_at = ?,
                                       lease_until = NULL, second_opinion_from = NULL
                WHERE id = ? AND state IN ('CLAIMED', 'ON_HOLD') AND claimed_by = ?""",
                decision.name(), categories.stream().map(Enum::name).toArray(String[]::new), reviewer, ts(now),
                itemId, reviewer);
    }

    /**
     * Decides many open or self-claimed items at once (a bulk dismissal, a decision for a whole group);
     * without categories each item keeps the model's. Returns the items it changed.
     */
    public List<UUID> decideAll(Collection<UUID> itemIds, String reviewer, ReviewState decision,
                                Optional<Set<Category>> categories, Instant now) throws SQLException {
        if (!decision.isDecided()) {
            throw new IllegalArgumentException(decision + " is not a decision");
        }
        List<UUID> decided = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE review_item SET state = ?, categories = COALESCE(?::text[], model_categories),
                                            decided_by = ?, decided_at = ?, claimed_by = COALESCE(claimed_by, ?),
                                            lease_until = NULL, second_opinion_from = NULL
                     WHERE id = ANY (?) AND (state = 'OPEN' OR (state IN ('CLAIMED', 'ON_HOLD') AND claimed_by = ?))
                     RETURNING id""")) {
            s.setString(1, decision.name());
            if (categories.isPresent()) {
                s.setArray(2, c.createArrayOf("text", categories.get().stream().map(Enum::name).toArray()));
            } else {
                s.setNull(2, Types.ARRAY);
            }
            s.setString(3, reviewer);
            s.setTimestamp(4, ts(now));
            s.setString(5, reviewer);
            s.setArray(6, c.createArrayOf("uuid", itemIds.toArray()));
            s.setString(7, reviewer);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    decided.add(r.getObject(1, UUID.class));
                }
            }
        }
        return decided;
    }

    /** Puts the item back in the queue for another reviewer, who will not be {@code reviewer}. */
    public boolean requestSecondOpinion(UUID itemId, String reviewer) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'OPEN', claimed_by = NULL, claimed_at = NULL, lease_until = NULL,
                                       second_opinion_from = ?
                WHERE id = ? AND state IN ('CLAIMED', 'ON_HOLD') AND claimed_by = ?""", reviewer, itemId, reviewer);
    }

    /** Hands an item the reviewer holds to a named colleague, with a fresh lease. */
    public boolean handOver(UUID itemId, String reviewer, String colleague, Instant now, Instant leaseUntil)
            throws SQLException {
        return update("""
                UPDATE review_item SET state = 'CLAIMED', claimed_by = ?, claimed_at = ?, lease_until = ?
                WHERE id = ? AND state IN ('CLAIMED', 'ON_HOLD') AND claimed_by = ?""",
                colleague, ts(now), ts(leaseUntil), itemId, reviewer);
    }

    /** Pauses the lease while the reviewer waits for information; nobody else gets the item meanwhile. */
    public boolean hold(UUID itemId, String reviewer) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'ON_HOLD', lease_until = NULL
                WHERE id = ? AND state = 'CLAIMED' AND claimed_by = ?""", itemId, reviewer);
    }

    /** Takes an item off hold with a fresh lease. */
    public boolean resume(UUID itemId, String reviewer, Instant leaseUntil) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'CLAIMED', lease_until = ?
                WHERE id = ? AND state = 'ON_HOLD' AND claimed_by = ?""", ts(leaseUntil), itemId, reviewer);
    }

    /** Reopens a decided item and gives it to {@code reviewer}, who must decide it again. */
    public boolean reopen(UUID itemId, String reviewer, Instant now, Instant leaseUntil) throws SQLException {
        return update("""
                UPDATE review_item SET state = 'CLAIMED', claimed_by = ?, claimed_at = ?, lease_until = ?,
                                       decided_by = NULL, decided_at = NULL
                WHERE id = ? AND state IN ('CONFIRMED', 'DISMISSED', 'ESCALATED')""",
                reviewer, ts(now), ts(leaseUntil), itemId);
    }

    private boolean update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            return s.executeUpdate() == 1;
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fired rules are always serialisable", e);
        }
    }

    /** An item as triage left it: its id, and whether triage created it now. */
    public record TriagedItem(UUID id, boolean created) {
    }

    /** An item whose lease ran out, and who had held it. */
    public record ExpiredLease(UUID itemId, String reviewer) {
    }
}
