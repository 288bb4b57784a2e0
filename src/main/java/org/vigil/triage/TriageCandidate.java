package org.vigil.triage;

import org.vigil.classify.Category;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What triage knows about a classified mention when it decides whether, and how urgently, a human must
 * look at it.
 *
 * @param mpHandle     the MP account handle the mention was aimed at, as the integration sent it
 * @param scores       score per category from the classification in force; empty when unclassifiable
 * @param labels       categories that reached their threshold
 * @param thresholds   the threshold per category the labels were set at, for the mention's language
 * @param unclassifiable true when the classifier failed on this mention
 */
public record TriageCandidate(UUID mentionId, Optional<Long> mpId, Optional<String> mpHandle, String platform, Optional<String> authorId,
        Optional<String> authorHandle, String text, Optional<String> lang, Map<Category, Double> scores,
        Set<Category> labels, Map<Category, Double> thresholds, boolean unclassifiable, Instant postedAt,
        Instant receivedAt) {

    public double score(Category category) {
        return scores.getOrDefault(category, 0.0);
    }

    /**
     * Who the mention is aimed at, the same for every mention of one MP: {@code mp:<id>} once the MP is
     * registered, else {@code handle:<platform>:<handle>} (lower case, without '@'), so that two MPs not yet
     * registered never share a pile-on count or a campaign; empty when neither is known.
     */
    public Optional<String> targetKey() {
        if (mpId.isPresent()) {
            return Optional.of("mp:" + mpId.get());
        }
        return normalisedHandle().map(handle -> "handle:" + platform + ":" + handle);
    }

    /** The MP handle as mentions are matched to accounts: lower case, without a leading '@'. */
    public Optional<String> normalisedHandle() {
        return mpHandle.map(handle -> handle.replaceFirst("^@+", "").toLowerCase(Locale.ROOT))
                .filter(handle -> !handle.isEmpty());
    }
}
