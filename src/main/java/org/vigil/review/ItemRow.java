package org.vigil.review;

import org.vigil.classify.Category;
import org.vigil.triage.EntryReason;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.ReviewState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A review item as stored.
 *
 * @param modelCategories the categories the model gave
 * @param categories      the categories a reviewer decided, once decided
 */
public record ItemRow(UUID id, Priority priority, Instant dueAt, Instant createdAt, EntryReason entryReason,
        Set<Category> modelCategories, Optional<Set<Category>> categories, List<String> tags,
        List<FiredRule> firedRules, ReviewState state, Optional<String> claimedBy, Optional<Instant> claimedAt,
        Optional<Instant> leaseUntil, Optional<String> secondOpinionFrom, Optional<String> decidedBy,
        Optional<Instant> decidedAt) {
}
