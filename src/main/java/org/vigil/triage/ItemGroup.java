package org.vigil.triage;

import java.time.Instant;
import java.util.Optional;

/**
 * A group a review item belongs to, as the queue shows it.
 *
 * @param size    how many review items the group has (a campaign: its members)
 * @param handled the decision taken once for the group, while a reviewer's handled mark is in force
 */
public record ItemGroup(GroupKey group, int size, Optional<Handled> handled) {

    public String label() {
        return group.label();
    }

    /** Whether the queue shows it: an author with a single item is no group, unless marked handled. */
    public boolean shown() {
        return group.kind() != GroupKind.AUTHOR || size > 1 || handled.isPresent();
    }

    /** Who marked the group handled, with which decision, and how many later items were folded into it. */
    public record Handled(ReviewState decision, String by, Instant at, int folded) {
    }
}
