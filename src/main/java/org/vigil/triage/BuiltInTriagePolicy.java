package org.vigil.triage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.classify.Category;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The priority rule used until escalation rules are configured as data:
 * <ul>
 *   <li>P1: VIOLENT at or above {@code vigil.triage.urgent-violent-score} (and escalated);</li>
 *   <li>P2: any other VIOLENT label, or two categories or more;</li>
 *   <li>P3: one RACIST or SEXIST label; an unclassifiable mention (never lower);</li>
 *   <li>P4: no label, but a score within {@code vigil.triage.near-miss-margin} below its threshold;</li>
 *   <li>otherwise no review.</li>
 * </ul>
 */
@DefaultBean
@ApplicationScoped
public class BuiltInTriagePolicy implements TriagePolicy {

    private final TriageConfig config;

    BuiltInTriagePolicy(TriageConfig config) {
        this.config = config;
    }

    @Override
    public TriageOutcome assess(TriageCandidate mention) {
        if (mention.unclassifiable()) {
            return outcome(Priority.P3, false, "built-in:unclassifiable", "the classifier could not score it");
        }
        Set<Category> labels = mention.labels();
        double violent = mention.score(Category.VIOLENT);
        if (labels.contains(Category.VIOLENT) && violent >= config.urgentViolentScore()) {
            return outcome(Priority.P1, true, "built-in:violent-urgent",
                    String.format(Locale.ROOT, "VIOLENT %.2f ≥ %.2f", violent, config.urgentViolentScore()));
        }
        if (labels.contains(Category.VIOLENT) || labels.size() >= 2) {
            return outcome(Priority.P2, false, "built-in:violent-or-several", "labels " + labels);
        }
        if (!labels.isEmpty()) {
            return outcome(Priority.P3, false, "built-in:labelled", "label " + labels.iterator().next());
        }
        List<String> nearMisses = new ArrayList<>();
        for (Category category : Category.values()) {
            double threshold = mention.thresholds().getOrDefault(category, 1.0);
            double score = mention.score(category);
            if (score >= threshold - config.nearMissMargin()) {
                nearMisses.add(String.format(Locale.ROOT, "%s %.2f just below %.2f", category, score, threshold));
            }
        }
        return nearMisses.isEmpty() ? TriageOutcome.noReview()
                : outcome(Priority.P4, false, "built-in:near-miss", String.join(", ", nearMisses));
    }

    private static TriageOutcome outcome(Priority priority, boolean escalate, String ruleId, String reason) {
        return new TriageOutcome(Optional.of(priority), escalate, Set.of(), List.of(new FiredRule(ruleId, reason)),
                List.of());
    }
}
