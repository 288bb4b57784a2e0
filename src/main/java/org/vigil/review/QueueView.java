package org.vigil.review;

import org.vigil.triage.ReviewState;

import java.util.List;
import java.util.Map;

/**
 * One page of the queue: the items (text masked), a count per state under the same filter, and how many
 * items the viewer has read today.
 */
public record QueueView(List<Entry> items, Map<ReviewState, Integer> counts, int page, boolean hasMore,
        int seenToday, boolean suggestBreak) {

    /** One line of the queue. */
    public record Entry(QueueRow row, String maskedText) {
    }
}
