package org.vigil.escalation;

import org.vigil.classify.Category;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What an alert says about the mention behind it, read in the transaction that escalates it. */
public record MentionFacts(UUID mentionId, Optional<Long> mpId, String mpName, String platform,
        Optional<String> authorId, String authorHandle, String text, Instant postedAt,
        Map<Category, Double> scores, Set<Category> labels) {

    /** Stable key of the author across MPs on one platform; empty when the platform gave no author. */
    public Optional<String> authorKey() {
        return authorId.map(id -> platform + ":" + id);
    }

    /** The labelled category with the highest score, or the highest-scoring one when none is labelled. */
    public Optional<Category> leadingCategory() {
        return scores.entrySet().stream()
                .filter(e -> labels.isEmpty() || labels.contains(e.getKey()))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }
}
