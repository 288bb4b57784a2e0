package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Owns {@code review_action}, the append-only history of what staff did to each item. */
@ApplicationScoped
public class ReviewActionRepository {

    private final AgroalDataSource dataSource;

    ReviewActionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(Collection<UUID> itemIds, Instant at, String actor, ReviewAction action,
                       Optional<Set<Category>> categories, Optional<String> note, Optional<String> handedTo)
            throws SQLException {
        if (itemIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO review_action (item_id, at, actor, action, categories, note, handed_to)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            Array categoryArray = categories.isPresent()
                    ? c.createArrayOf("text", categories.get().stream().map(Enum::name).toArray()) : null;
            for (UUID itemId : itemIds) {
                s.setObject(1, itemId);
                s.setTimestamp(2, Timestamp.from(at));
                s.setString(3, actor);
                s.setString(4, action.name());
                s.setArray(5, categoryArray);
                s.setString(6, note.orElse(null));
                s.setString(7, handedTo.orElse(null));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The item's history, oldest first. */
    public List<ActionView> history(UUID itemId) throws SQLException {
        List<ActionView> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT at, actor, action, categories, note, handed_to FROM review_action
                     WHERE item_id = ? ORDER BY at, id""")) {
            s.setObject(1, itemId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    actions.add(new ActionView(r.getTimestamp(1).toInstant(), r.getString(2),
                            ReviewAction.valueOf(r.getString(3)), categories(r.getArray(4)),
                            Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6))));
                }
            }
        }
        return actions;
    }

    /**
     * How many different items {@code reviewer} claimed or revealed since {@code since}: what they read today.
     * The action list is the predicate of the index {@code review_action_seen_by_actor}; keep them the same.
     */
    public int itemsSeenSince(String reviewer, Instant since) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT count(DISTINCT item_id) FROM review_action
                     WHERE actor = ? AND at >= ? AND action IN ('CLAIM', 'REVEAL')""")) {
            s.setString(1, reviewer);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Per reviewer, how many different items they opened since {@code since}, most first. */
    public List<ReviewerLoad> itemsSeenByReviewerSince(Instant since) throws SQLException {
        List<ReviewerLoad> loads = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT actor, count(DISTINCT item_id) FROM review_action
                     WHERE at >= ? AND action IN ('CLAIM', 'REVEAL')
                     GROUP BY actor ORDER BY 2 DESC, 1""")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    loads.add(new ReviewerLoad(r.getString(1), r.getInt(2)));
                }
            }
        }
        return loads;
    }

    /** How many items one reviewer read. */
    public record ReviewerLoad(String reviewer, int itemsSeen) {
    }

    private static Optional<Set<Category>> categories(Array array) throws SQLException {
        if (array == null) {
            return Optional.empty();
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : (String[]) array.getArray()) {
            categories.add(Category.valueOf(name));
        }
        return Optional.of(categories);
    }
}
