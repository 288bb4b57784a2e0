package org.vigil.review;

import org.vigil.classify.Category;
import org.vigil.classify.Contribution;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A classification as staff read it. */
public record ClassificationView(String modelVersion, Map<Category, Double> scores, Set<Category> labels,
        Map<Category, List<Contribution>> explanation) {

    /** The explanation of the labels that fired only: words behind a score that stayed low mislead. */
    public Map<Category, List<Contribution>> firedExplanation() {
        Map<Category, List<Contribution>> fired = new EnumMap<>(Category.class);
        explanation.forEach((category, contributions) -> {
            if (labels.contains(category)) {
                fired.put(category, contributions);
            }
        });
        return fired;
    }
}
