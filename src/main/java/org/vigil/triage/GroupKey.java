package org.vigil.triage;

import java.util.List;

/**
 * One group of review items: its kind and the key that names it. {@link #membership()} selects its items in
 * SQL over {@code review_item r JOIN mention m}.
 */
public record GroupKey(GroupKind kind, String key) {

    /** The group as staff read it: {@code CAMPAIGN 7}, {@code PILE_ON mp:3}, {@code AUTHOR x:1234}. */
    public String label() {
        return kind + " " + key;
    }

    /** The SQL condition on {@code r} and {@code m} that selects the group's items, and its parameters. */
    Membership membership() {
        return switch (kind) {
            case CAMPAIGN -> new Membership(
                    "m.id IN (SELECT mention_id FROM campaign_member WHERE campaign_id = ?)",
                    List.of(Long.parseLong(key)));
            case AUTHOR -> {
                String[] parts = key.split(":", 2);
                yield new Membership("m.platform = ? AND m.author_id = ?", List.of(parts[0], parts[1]));
            }
            case PILE_ON -> {
                String[] parts = key.split(":", 3);
                yield parts[0].equals("mp")
                        ? new Membership("m.mp_id = ? AND 'pile-on' = ANY (r.tags)", List.of(Long.parseLong(parts[1])))
                        : new Membership("m.mp_id IS NULL AND m.platform = ? AND lower(ltrim(m.mp_handle, '@')) = ?"
                        + " AND 'pile-on' = ANY (r.tags)", List.of(parts[1], parts[2]));
            }
        };
    }

    /** A condition with its parameters, in order. */
    record Membership(String clause, List<Object> parameters) {
    }
}
