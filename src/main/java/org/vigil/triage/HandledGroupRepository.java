package org.vigil.triage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Owns {@code handled_group} and {@code handled_group_fold}: the groups reviewers marked handled, the items
 * folded into them, and the group reads the queue shows (which groups an item belongs to, and their size).
 * A mark is in force for {@code vigil.triage.handled-group-lifetime} after the decision; older marks are kept (the
 * audit log and folded items refer to them) but neither fold mentions nor show as handled.
 */
@ApplicationScoped
public class HandledGroupRepository {

    /** The target key of mention {@code m} in SQL, as {@link TriageCandidate#targetKey()} gives it in Java. */
    private static final String TARGET_KEY =
            "coalesce('mp:' || m.mp_id, 'handle:' || m.platform || ':' || lower(ltrim(m.mp_handle, '@')))";
    private static final String GROUP_COLUMNS = """
            id, kind, group_key, decision, handled_by, handled_at, max_violent, max_racist, max_sexist, doxxing,
            targets, folded""";

    private final AgroalDataSource dataSource;
    private final TriageConfig config;
    private final Clock clock;

    HandledGroupRepository(AgroalDataSource dataSource, TriageConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** The campaign the mention was grouped into, if any. */
    public Optional<Long> campaignOf(UUID mentionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT campaign_id FROM campaign_member WHERE mention_id = ?")) {
            s.setObject(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Those of the groups whose handled mark is in force. */
    public List<HandledGroup> handled(Collection<GroupKey> groups) throws SQLException {
        List<HandledGroup> found = new ArrayList<>();
        if (groups.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + GROUP_COLUMNS
                     + " FROM handled_group WHERE kind = ? AND group_key = ? AND handled_at > ?")) {
            Timestamp inForceSince = inForceSince();
            for (GroupKey group : groups) {
                s.setString(1, group.kind().name());
                s.setString(2, group.key());
                s.setTimestamp(3, inForceSince);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        found.add(handledGroup(r));
                    }
                }
            }
        }
        return found;
    }

    /** Records an item folded into a handled group; false when it was folded before (re-triage). */
    public boolean fold(UUID groupId, UUID itemId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO handled_group_fold (item_id, group_id, folded_at) VALUES (?, ?, ?)
                     ON CONFLICT (item_id) DO NOTHING""");
             PreparedStatement count = c.prepareStatement("UPDATE handled_group SET folded = folded + 1 WHERE id = ?")) {
            insert.setObject(1, itemId);
            insert.setObject(2, groupId);
            insert.setTimestamp(3, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return false;
            }
            count.setObject(1, groupId);
            count.executeUpdate();
            return true;
        }
    }

    /** Raises a handled group's marks to include a mention that brought something new, which then alerts. */
    public void raiseMarks(UUID groupId, TriageCandidate candidate, List<String> doxxing) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE handled_group SET max_violent = greatest(max_violent, ?), max_racist = greatest(max_racist, ?),
                            max_sexist = greatest(max_sexist, ?),
                            doxxing = ARRAY(SELECT DISTINCT unnest(doxxing || ?::text[])),
                            targets = ARRAY(SELECT DISTINCT unnest(targets || ?::text[]))
                     WHERE id = ?""")) {
            s.setDouble(1, candidate.score(Category.VIOLENT));
            s.setDouble(2, candidate.score(Category.RACIST));
            s.setDouble(3, candidate.score(Category.SEXIST));
            s.setArray(4, c.createArrayOf("text", doxxing.toArray()));
            s.setArray(5, c.createArrayOf("text", candidate.targetKey().stream().toArray()));
            s.setObject(6, groupId);
            s.executeUpdate();
        }
    }

    /**
     * Marks the group handled with the reviewer's decision, its marks taken from every item it has so far;
     * marking it again replaces the decision and keeps the higher marks.
     */
    public HandledGroup markHandled(GroupKey group, ReviewState decision, String by, Instant now) throws SQLException {
        GroupKey.Membership members = group.membership();
        String sql = """
                WITH members AS (
                    SELECT r.doxxing, k.violent, k.racist, k.sexist, %s AS target
                    FROM review_item r JOIN mention m ON m.id = r.mention_id
                    LEFT JOIN mention_classification k ON k.mention_id = m.id AND k.model_version = m.model_version
                    WHERE %s),
                seen AS (
                    SELECT coalesce(max(violent), 0) AS violent, coalesce(max(racist), 0) AS racist,
                           coalesce(max(sexist), 0) AS sexist,
                           ARRAY(SELECT DISTINCT unnest(doxxing) FROM members) AS doxxing,
                           coalesce(array_agg(DISTINCT target) FILTER (WHERE target IS NOT NULL), '{}') AS targets
                    FROM members)
                INSERT INTO handled_group (id, kind, group_key, decision, handled_by, handled_at, max_violent,
                                           max_racist, max_sexist, doxxing, targets)
                SELECT ?, ?, ?, ?, ?, ?, violent, racist, sexist, doxxing, targets FROM seen
                ON CONFLICT (kind, group_key) DO UPDATE SET decision = EXCLUDED.decision,
                    handled_by = EXCLUDED.handled_by, handled_at = EXCLUDED.handled_at,
                    max_violent = greatest(handled_group.max_violent, EXCLUDED.max_violent),
                    max_racist = greatest(handled_group.max_racist, EXCLUDED.max_racist),
                    max_sexist = greatest(handled_group.max_sexist, EXCLUDED.max_sexist),
                    doxxing = ARRAY(SELECT DISTINCT unnest(handled_group.doxxing || EXCLUDED.doxxing)),
                    targets = ARRAY(SELECT DISTINCT unnest(handled_group.targets || EXCLUDED.targets))
                RETURNING %s""".formatted(TARGET_KEY, members.clause(), GROUP_COLUMNS);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = bind(s, members, 1);
            s.setObject(i++, UUID.randomUUID());
            s.setString(i++, group.kind().name());
            s.setString(i++, group.key());
            s.setString(i++, decision.name());
            s.setString(i++, by);
            s.setTimestamp(i, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return handledGroup(r);
            }
        }
    }

    /** The group's items still to decide that {@code reviewer} may decide: open, or held by them. */
    public List<UUID> undecidedItems(GroupKey group, String reviewer) throws SQLException {
        GroupKey.Membership members = group.membership();
        String sql = """
                SELECT r.id FROM review_item r JOIN mention m ON m.id = r.mention_id
                WHERE %s AND (r.state = 'OPEN' OR (r.state IN ('CLAIMED', 'ON_HOLD') AND r.claimed_by = ?))
                ORDER BY r.priority, r.created_at""".formatted(members.clause());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(bind(s, members, 1), reviewer);
            try (ResultSet r = s.executeQuery()) {
                List<UUID> items = new ArrayList<>();
                while (r.next()) {
                    items.add(r.getObject(1, UUID.class));
                }
                return items;
            }
        }
    }

    /**
     * The groups each item belongs to, with their size (items) and, while its handled mark is in force, the decision: its campaign,
     * its author and its MP's pile-on (when tagged so).
     */
    public Map<UUID, List<ItemGroup>> groupsOf(Collection<UUID> itemIds) throws SQLException {
        if (itemIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return groups("r.id = ANY (?)", (c, s) -> s.setArray(1, c.createArrayOf("uuid", itemIds.toArray())));
    }

    /**
     * The groups of one item, as {@link #groupsOf(Collection)} gives them. Its own statement, {@code r.id = ?}, lets
     * PostgreSQL keep one generic plan; with {@code = ANY (?)} it plans this large query again on every item view.
     */
    public List<ItemGroup> groupsOf(UUID itemId) throws SQLException {
        return groups("r.id = ?", (c, s) -> s.setObject(1, itemId)).getOrDefault(itemId, List.of());
    }

    private Map<UUID, List<ItemGroup>> groups(String itemCondition, ItemBinder items) throws SQLException {
        Map<UUID, List<ItemGroup>> groups = new LinkedHashMap<>();
        String sql = """
                WITH page AS (
                    SELECT r.id AS item_id, m.platform, m.author_id, m.mp_id, lower(ltrim(m.mp_handle, '@')) AS handle,
                           cm.campaign_id, 'pile-on' = ANY (r.tags) AS piled, %s AS target
                    FROM review_item r JOIN mention m ON m.id = r.mention_id
                    LEFT JOIN campaign_member cm ON cm.mention_id = m.id
                    WHERE %s),
                grouped AS (
                    SELECT p.item_id, 'CAMPAIGN' AS kind, p.campaign_id::text AS group_key,
                           (SELECT count(*) FROM campaign_member x WHERE x.campaign_id = p.campaign_id) AS size
                    FROM page p WHERE p.campaign_id IS NOT NULL
                    UNION ALL
                    SELECT p.item_id, 'AUTHOR', p.platform || ':' || p.author_id,
                           (SELECT count(*) FROM mention x JOIN review_item y ON y.mention_id = x.id
                            WHERE x.platform = p.platform AND x.author_id = p.author_id)
                    FROM page p WHERE p.author_id IS NOT NULL
                    UNION ALL
                    SELECT p.item_id, 'PILE_ON', p.target,
                           (SELECT count(*) FROM mention x JOIN review_item y ON y.mention_id = x.id
                            WHERE 'pile-on' = ANY (y.tags) AND (x.mp_id = p.mp_id OR (p.mp_id IS NULL AND x.mp_id IS NULL
                                  AND x.platform = p.platform AND lower(ltrim(x.mp_handle, '@')) = p.handle)))
                    FROM page p WHERE p.piled AND p.target IS NOT NULL)
                SELECT g.item_id, g.kind, g.group_key, g.size, h.decision, h.handled_by, h.handled_at, h.folded
                FROM grouped g LEFT JOIN handled_group h ON h.kind = g.kind AND h.group_key = g.group_key
                    AND h.handled_at > ?
                ORDER BY g.item_id, g.kind""".formatted(TARGET_KEY, itemCondition);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            items.bind(c, s);
            s.setTimestamp(2, inForceSince());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Optional<ItemGroup.Handled> handled = r.getString(5) == null ? Optional.empty()
                            : Optional.of(new ItemGroup.Handled(ReviewState.valueOf(r.getString(5)), r.getString(6),
                            r.getTimestamp(7).toInstant(), r.getInt(8)));
                    groups.computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>()).add(new ItemGroup(
                            new GroupKey(GroupKind.valueOf(r.getString(2)), r.getString(3)), r.getInt(4), handled));
                }
            }
        }
        return groups;
    }

    /** The handled group an item was folded into, if any. */
    public Optional<GroupKey> foldedInto(UUID itemId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT h.kind, h.group_key FROM handled_group_fold f JOIN handled_group h ON h.id = f.group_id
                     WHERE f.item_id = ?""")) {
            s.setObject(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new GroupKey(GroupKind.valueOf(r.getString(1)), r.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Binds the first parameter of {@link #groups}: the item or items asked about. */
    @FunctionalInterface
    private interface ItemBinder {
        void bind(Connection c, PreparedStatement s) throws SQLException;
    }

    private Timestamp inForceSince() {
        return Timestamp.from(clock.instant().minus(config.handledGroupLifetime()));
    }

    private static int bind(PreparedStatement s, GroupKey.Membership members, int first) throws SQLException {
        int i = first;
        for (Object parameter : members.parameters()) {
            s.setObject(i++, parameter);
        }
        return i;
    }

    private static HandledGroup handledGroup(ResultSet r) throws SQLException {
        Map<Category, Double> highest = new EnumMap<>(Category.class);
        highest.put(Category.VIOLENT, r.getDouble(7));
        highest.put(Category.RACIST, r.getDouble(8));
        highest.put(Category.SEXIST, r.getDouble(9));
        return new HandledGroup(r.getObject(1, UUID.class),
                new GroupKey(GroupKind.valueOf(r.getString(2)), r.getString(3)), ReviewState.valueOf(r.getString(4)),
                r.getString(5), r.getTimestamp(6).toInstant(), highest,
                Set.of((String[]) r.getArray(10).getArray()), Set.of((String[]) r.getArray(11).getArray()), r.getInt(12));
    }
}
