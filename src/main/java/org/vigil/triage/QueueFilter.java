package org.vigil.triage;

import org.vigil.classify.Category;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which review items a reviewer wants to see or claim. Every field is optional; an empty filter admits all.
 *
 * @param category a category the model gave or the reviewer confirmed
 * @param from     earliest time the mention was posted (inclusive)
 * @param to       latest time the mention was posted (exclusive)
 */
public record QueueFilter(Optional<Long> mpId, Optional<Category> category, Optional<String> platform,
        Optional<String> lang, Optional<ReviewState> state, Optional<Instant> from, Optional<Instant> to) {

    public static QueueFilter none() {
        return new QueueFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Only the items aimed at one MP. */
    public static QueueFilter ofMp(long mpId) {
        QueueFilter none = none();
        return new QueueFilter(Optional.of(mpId), none.category(), none.platform(), none.lang(), none.state(),
                none.from(), none.to());
    }

    /** The filter without its state (claims always take open items). */
    public QueueFilter anyState() {
        return new QueueFilter(mpId, category, platform, lang, Optional.empty(), from, to);
    }

    /** Whether the filter looks at the mention (MP, platform, language, dates), not only at the item. */
    public boolean needsMention() {
        return mpId.isPresent() || platform.isPresent() || lang.isPresent() || from.isPresent() || to.isPresent();
    }

    /**
     * SQL conditions for this filter over a review item aliased {@code item} joined to its mention aliased
     * {@code mention}, each starting with " AND ", and the values to bind in order.
     */
    public Sql toSql(String item, String mention) {
        StringBuilder clause = new StringBuilder();
        List<Object> values = new ArrayList<>();
        mpId.ifPresent(id -> add(clause, values, " AND " + mention + ".mp_id = ?", id));
        category.ifPresent(c -> add(clause, values,
                " AND COALESCE(" + item + ".categories, " + item + ".model_categories) @> ARRAY[?]::text[]", c.name()));
        platform.ifPresent(p -> add(clause, values, " AND " + mention + ".platform = ?", p));
        lang.ifPresent(l -> add(clause, values,
                " AND COALESCE(" + mention + ".detected_lang, " + mention + ".declared_lang) = ?", l));
        state.ifPresent(s -> add(clause, values, " AND " + item + ".state = ?", s.name()));
        from.ifPresent(t -> add(clause, values, " AND " + mention + ".posted_at >= ?", Timestamp.from(t)));
        to.ifPresent(t -> add(clause, values, " AND " + mention + ".posted_at < ?", Timestamp.from(t)));
        return new Sql(clause.toString(), List.copyOf(values));
    }

    private static void add(StringBuilder clause, List<Object> values, String condition, Object value) {
        clause.append(condition);
        values.add(value);
    }

    /** Conditions and the values they bind. */
    public record Sql(String clause, List<Object> values) {

        /** Binds the values from parameter {@code first} on; returns the next free parameter index. */
        public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            int i = first;
            for (Object value : values) {
                statement.setObject(i++, value);
            }
            return i;
        }
    }
}
