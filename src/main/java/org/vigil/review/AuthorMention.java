package org.vigil.review;

import org.vigil.classify.Category;
import org.vigil.triage.ReviewState;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Another mention by the same author: whom it targeted, what the model said and what review decided. */
public record AuthorMention(UUID mentionId, Instant postedAt, Optional<String> target, Set<Category> labels,
        Optional<UUID> itemId, Optional<ReviewState> state, Optional<Set<Category>> decidedCategories) {
}
