package org.vigil.classify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classifier's answer for one text.
 *
 * @param scores       probability per category, in [0, 1]
 * @param labels       categories whose score reached the shipped threshold
 * @param lang         ISO 639-1 code used for the text (the caller's hint, or detected)
 * @param modelVersion version of the model bundle that produced the scores
 * @param explanation  per category, the features that raised its score, strongest first; empty unless it is a label
 */
public record Classification(Map<Category, Double> scores, Set<Category> labels, String lang, String modelVersion,
        Map<Category, List<Contribution>> explanation) {

    public Classification {
        // Enum-ordered copies, so JSON output lists VIOLENT, RACIST, SEXIST in a stable order.
        scores = Collections.unmodifiableMap(enumMap(scores));
        EnumSet<Category> labelSet = EnumSet.noneOf(Category.class);
        labelSet.addAll(labels);
        labels = Collections.unmodifiableSet(labelSet);
        explanation = Collections.unmodifiableMap(enumMap(explanation));
    }

    private static <V> Map<Category, V> enumMap(Map<Category, V> source) {
        Map<Category, V> copy = new EnumMap<>(Category.class);
        copy.putAll(source);
        return copy;
    }
}
