package org.vigil.review;

import org.vigil.triage.ItemGroup;
import org.vigil.triage.ReviewState;

import java.util.List;
import java.util.Map;

/**
 * One page of the queue: the items (text masked), a count per state under the same filter, and how many
 * items the viewer has read today.
 */
public record QueueView(List<Entry> items, Map<ReviewState, Integer> counts, int page, boolean hasMore,
        int seenToday, boolean suggestBreak) {

    public int previousPage() {
        return Math.max(0, page - 1);
    }

    public int nextPage() {
        return page + 1;
    }

    /** The counts in the order of the review states, for display. */
    public List<StateCount> countList() {
        return counts.entrySet().stream().map(e -> new StateCount(e.getKey(), e.getValue())).toList();
    }

    /** How many items are in one state. */
    public record StateCount(ReviewState state, int count) {
    }

    /** One line of the queue, with the groups (campaign, pile-on, author) its item belongs to. */
    public record Entry(QueueRow row, String maskedText, List<ItemGroup> groups) {
    }
}
