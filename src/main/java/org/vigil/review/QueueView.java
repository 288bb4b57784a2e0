package org.vigil.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vigil.paging.PageCursor;
import org.vigil.triage.ItemGroup;
import org.vigil.triage.ReviewState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of the queue: the items (text masked), a count per state under the same filter, and how many
 * items the viewer has read today. {@code next} continues after the last item shown, empty on the last page;
 * clients get it as a link (the API's Link header, the page's next page link), not in the body.
 */
public record QueueView(List<Entry> items, Map<ReviewState, Integer> counts, @JsonIgnore Optional<PageCursor> next,
        int seenToday, boolean suggestBreak) {

    @JsonProperty
    public boolean hasMore() {
        return next.isPresent();
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
