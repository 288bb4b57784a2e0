package org.vigil.triage;

import org.vigil.classify.Category;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What triage knows about a classified mention when it decides whether, and how urgently, a human must
 * look at it.
 *
 * @param scores       score per category from the classification in force; empty when unclassifiable
 * @param labels       categories that reached their threshold
 * @param thresholds   the threshold per category the labels were set at, for the mention's language
 * @param unclassifiable true when the classifier failed on this mention
 */
public record TriageCandidate(UUID mentionId, Optional<Long> mpId, String platform, Optional<String> authorId,
        Optional<String> authorHandle, String text, Optional<String> lang, Map<Category, Double> scores,
        Set<Category> labels, Map<Category, Double> thresholds, boolean unclassifiable, Instant postedAt,
        Instant receivedAt) {

    public double score(Category category) {
        return scores.getOrDefault(category, 0.0);
    }
}
