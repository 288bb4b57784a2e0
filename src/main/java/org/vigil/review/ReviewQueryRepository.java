package org.vigil.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;
import org.vigil.classify.Contribution;
import org.vigil.paging.PageCursor;
import org.vigil.paging.PageCursor.KeyPart;
import org.vigil.triage.EntryReason;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.ReviewState;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What staff read about review items and mentions: the queue, one item, an author's history. */
@ApplicationScoped
public class ReviewQueryRepository {

    private static final String MENTION_COLUMNS = """
            m.id, m.platform, m.external_id, m.mp_id, mp.name, m.mp_handle, m.author_id, m.author_handle,
            m.author_display_name, m.text, m.url, m.posted_at, m.received_at, m.in_reply_to,
            COALESCE(m.detected_lang, m.declared_lang), m.raw_sha256, m.state, m.model_version""";

    private static final String ITEM_COLUMNS = """
            r.id, r.priority, r.due_at, r.created_at, r.entry_reason, r.model_categories, r.categories, r.tags,
            r.fired_rules::text, r.state, r.claimed_by, r.claimed_at, r.lease_until, r.second_opinion_from,
            r.decided_by, r.decided_at""";

    private static final TypeReference<List<FiredRule>> FIRED_RULES = new TypeReference<>() {
    };
    private static final TypeReference<Map<Category, List<Contribution>>> EXPLANATION = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    ReviewQueryRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The list named in the queue's cursors, so that a cursor of another list is refused. */
    static final String CURSOR_LIST = "QUEUE";
    /** The sort key its cursors hold: the priority, due time, creation time and id of the last item shown. */
    static final List<KeyPart> CURSOR_KEY = List.of(KeyPart.number(Priority.P1.rank(), Priority.P4.rank()),
            KeyPart.TIME, KeyPart.TIME, KeyPart.UUID);

    /**
     * Up to {@code limit} lines of the queue, most urgent first, from just after {@code after} (from the top when
     * empty). Without a state in the filter it lists the items still to decide (open, claimed, on hold).
     * The id breaks ties of priority, due time and age, so each item has one place in the order and a page continues
     * exactly where the last one stopped, however many items were claimed, decided or queued meanwhile. The row
     * comparison needs no NULL handling: all four columns are NOT NULL (V3), and it lets PostgreSQL seek to the place
     * in review_pending.
     */
    public List<QueueRow> queue(QueueFilter filter, Optional<PageCursor> after, int limit) throws SQLException {
        QueueFilter.Sql where = filter.toSql("r", "m");
        String stateClause = filter.state().isPresent() ? "" : " AND r.state IN ('OPEN', 'CLAIMED', 'ON_HOLD')";
        String seek = after.isPresent() ? " AND (r.priority, r.due_at, r.created_at, r.id) > (?, ?, ?, ?)" : "";
        String sql = """
                SELECT %s, %s, cl.violent, cl.racist, cl.sexist
                FROM review_item r
                JOIN mention m ON m.id = r.mention_id
                LEFT JOIN mp ON mp.id = m.mp_id
                LEFT JOIN mention_classification cl ON cl.mention_id = m.id AND cl.model_version = m.model_version
                WHERE true %s %s %s
                ORDER BY r.priority, r.due_at, r.created_at, r.id
                LIMIT ?""".formatted(ITEM_COLUMNS, MENTION_COLUMNS, where.clause(), stateClause, seek);
        List<QueueRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = where.bind(c, s, 1);
            if (after.isPresent()) {
                PageCursor last = after.get();
                s.setInt(i++, (int) last.number(0));
                s.setTimestamp(i++, Timestamp.from(last.time(1)));
                s.setTimestamp(i++, Timestamp.from(last.time(2)));
                s.setObject(i++, last.uuid(3));
            }
            s.setInt(i, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new QueueRow(item(r), mention(r, 17), scores(r, 35)));
                }
            }
        }
        return rows;
    }

    /** The cursor that continues the queue just after {@code item}. */
    static PageCursor cursorAfter(ItemRow item) {
        return PageCursor.of(CURSOR_LIST, (long) item.priority().rank(), item.dueAt(), item.createdAt(), item.id());
    }

    /** How many items of each state the filter admits (its own state ignored). */
    public Map<ReviewState, Integer> countsByState(QueueFilter filter) throws SQLException {
        QueueFilter.Sql where = filter.anyState().toSql("r", "m");
        Map<ReviewState, Integer> counts = new EnumMap<>(ReviewState.class);
        for (ReviewState state : ReviewState.values()) {
            counts.put(state, 0);
        }
        // Joining the mentions only when the filter needs them keeps the count of a large queue cheap.
        String sql = """
                SELECT r.state, count(*) FROM review_item r %s
                WHERE true %s GROUP BY r.state""".formatted(
                filter.needsMention() ? "JOIN mention m ON m.id = r.mention_id" : "", where.clause());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            where.bind(c, s, 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(ReviewState.valueOf(r.getString(1)), r.getInt(2));
                }
            }
        }
        return counts;
    }

    /** One review item with its mention and the classification in force. */
    public Optional<ItemDetail> item(UUID itemId) throws SQLException {
        return detail("r.id = ?", itemId);
    }

    /** The review item of a mention, if triage put it in the queue. */
    public Optional<ItemDetail> itemOfMention(UUID mentionId) throws SQLException {
        return detail("r.mention_id = ?", mentionId);
    }

    private Optional<ItemDetail> detail(String condition, UUID id) throws SQLException {
        String sql = """
                SELECT %s, %s, cl.violent, cl.racist, cl.sexist, cl.labels, cl.explanation::text
                FROM review_item r
                JOIN mention m ON m.id = r.mention_id
                LEFT JOIN mp ON mp.id = m.mp_id
                LEFT JOIN mention_classification cl ON cl.mention_id = m.id AND cl.model_version = m.model_version
                WHERE %s""".formatted(ITEM_COLUMNS, MENTION_COLUMNS, condition);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Optional<ClassificationView> classification = r.getObject(35) == null ? Optional.empty()
                        : Optional.of(new ClassificationView(r.getString(34), scores(r, 35),
                        categories(r.getArray(38)), read(r.getString(39), EXPLANATION)));
                return Optional.of(new ItemDetail(item(r), mention(r, 17), classification));
            }
        }
    }

    /** A mention on its own, whether or not it is in the queue. */
    public Optional<MentionRow> mention(UUID mentionId) throws SQLException {
        String sql = "SELECT " + MENTION_COLUMNS + " FROM mention m LEFT JOIN mp ON mp.id = m.mp_id WHERE m.id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(mention(r, 1)) : Optional.empty();
            }
        }
    }

    /** Every classification the mention received, newest first. */
    public List<ClassificationView> classifications(UUID mentionId) throws SQLException {
        List<ClassificationView> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT model_version, violent, racist, sexist, labels, explanation::text
                     FROM mention_classification WHERE mention_id = ? ORDER BY classified_at DESC""")) {
            s.setObject(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new ClassificationView(r.getString(1), scores(r, 2), categories(r.getArray(5)),
                            read(r.getString(6), EXPLANATION)));
                }
            }
        }
        return all;
    }

    /** The author's other mentions, aimed at any MP, newest first. */
    public List<AuthorMention> authorHistory(String platform, String authorId, UUID exceptMention, int limit)
            throws SQLException {
        List<AuthorMention> history = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT m.id, m.posted_at, mp.name, m.mp_handle, cl.labels, r.id, r.state, r.categories
                     FROM mention m
                     LEFT JOIN mp ON mp.id = m.mp_id
                     LEFT JOIN mention_classification cl ON cl.mention_id = m.id AND cl.model_version = m.model_version
                     LEFT JOIN review_item r ON r.mention_id = m.id
                     WHERE m.platform = ? AND m.author_id = ? AND m.id <> ?
                     ORDER BY m.posted_at DESC LIMIT ?""")) {
            s.setString(1, platform);
            s.setString(2, authorId);
            s.setObject(3, exceptMention);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Optional<String> handle = Optional.ofNullable(r.getString(4));
                    history.add(new AuthorMention(r.getObject(1, UUID.class), r.getTimestamp(2).toInstant(),
                            Optional.ofNullable(r.getString(3)).or(() -> handle),
                            r.getArray(5) == null ? Set.of() : categories(r.getArray(5)),
                            Optional.ofNullable(r.getObject(6, UUID.class)),
                            Optional.ofNullable(r.getString(7)).map(ReviewState::valueOf),
                            Optional.ofNullable(r.getArray(8)).map(ReviewQueryRepository::categoriesUnchecked)));
                }
            }
        }
        return history;
    }

    /** The post a mention replies to, when Vigil stored it too. */
    public Optional<MentionRow> repliedTo(String platform, String externalId) throws SQLException {
        String sql = "SELECT " + MENTION_COLUMNS
                + " FROM mention m LEFT JOIN mp ON mp.id = m.mp_id WHERE m.platform = ? AND m.external_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, platform);
            s.setString(2, externalId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(mention(r, 1)) : Optional.empty();
            }
        }
    }

    private ItemRow item(ResultSet r) throws SQLException {
        return new ItemRow(r.getObject(1, UUID.class), Priority.ofRank(r.getInt(2)), r.getTimestamp(3).toInstant(),
                r.getTimestamp(4).toInstant(), EntryReason.valueOf(r.getString(5)), categories(r.getArray(6)),
                Optional.ofNullable(r.getArray(7)).map(ReviewQueryRepository::categoriesUnchecked),
                List.of((String[]) r.getArray(8).getArray()), read(r.getString(9), FIRED_RULES),
                ReviewState.valueOf(r.getString(10)), Optional.ofNullable(r.getString(11)),
                instant(r, 12), instant(r, 13), Optional.ofNullable(r.getString(14)),
                Optional.ofNullable(r.getString(15)), instant(r, 16));
    }

    private static MentionRow mention(ResultSet r, int first) throws SQLException {
        int i = first;
        return new MentionRow(r.getObject(i, UUID.class), r.getString(i + 1), r.getString(i + 2),
                Optional.ofNullable(r.getObject(i + 3, Long.class)), Optional.ofNullable(r.getString(i + 4)),
                Optional.ofNullable(r.getString(i + 5)), Optional.ofNullable(r.getString(i + 6)),
                Optional.ofNullable(r.getString(i + 7)), Optional.ofNullable(r.getString(i + 8)), r.getString(i + 9),
                Optional.ofNullable(r.getString(i + 10)), r.getTimestamp(i + 11).toInstant(),
                r.getTimestamp(i + 12).toInstant(), Optional.ofNullable(r.getString(i + 13)),
                Optional.ofNullable(r.getString(i + 14)), HexFormat.of().formatHex(r.getBytes(i + 15)),
                r.getString(i + 16), Optional.ofNullable(r.getString(i + 17)));
    }

    private static Map<Category, Double> scores(ResultSet r, int first) throws SQLException {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        if (r.getObject(first) != null) {
            scores.put(Category.VIOLENT, r.getDouble(first));
            scores.put(Category.RACIST, r.getDouble(first + 1));
            scores.put(Category.SEXIST, r.getDouble(first + 2));
        }
        return scores;
    }

    private static Optional<java.time.Instant> instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static Set<Category> categories(Array array) throws SQLException {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : (String[]) array.getArray()) {
            categories.add(Category.valueOf(name));
        }
        return categories;
    }

    private static Set<Category> categoriesUnchecked(Array array) {
        try {
            return categories(array);
        } catch (SQLException e) {
            throw new IllegalStateException("a text[] column reads as an array", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is always readable", e);
        }
    }
}
