package org.vigil.triage;

import org.vigil.classify.Category;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A group a reviewer decided once and marked handled, with the most severe it has seen: the highest score
 * per category, the doxxing signs and the MPs targeted.
 */
public record HandledGroup(UUID id, GroupKey group, ReviewState decision, String handledBy, Instant handledAt,
        Map<Category, Double> highestScores, Set<String> doxxing, Set<String> targets, int folded) {

    /**
     * What the mention brings that the group has not seen (a score more than {@code scoreMargin} above the
     * highest, a new doxxing sign, a new MP), in words for the alert; empty when it is a repeat to fold.
     */
    public Optional<String> news(TriageCandidate candidate, List<String> doxxingSigns, double scoreMargin) {
        List<String> news = new ArrayList<>();
        for (Category category : Category.values()) {
            double seen = highestScores.getOrDefault(category, 0.0);
            if (candidate.score(category) > seen + scoreMargin) {
                news.add(String.format(Locale.ROOT, "%s %.2f above the %.2f seen", category,
                        candidate.score(category), seen));
            }
        }
        doxxingSigns.stream().filter(sign -> !doxxing.contains(sign)).forEach(sign -> news.add("new doxxing sign " + sign));
        candidate.targetKey().filter(target -> !targets.contains(target))
                .ifPresent(target -> news.add("a new MP (" + candidate.mpHandle().orElse(target) + ")"));
        return news.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", news));
    }
}
