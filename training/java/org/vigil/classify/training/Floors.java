package org.vigil.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code training/floors.json}: the least the shipped model must reach, per set ("frozen": the committed
 * held-out set, checked by the test suite; "corpus": the corpus test split, checked by {@code evaluate} where
 * the corpus is available). Keys are {@link QualityFigures} keys; a {@code cleanFlagged} entry is a ceiling.
 */
public record Floors(Map<String, Double> frozen, Map<String, Double> corpus) {

    public static Floors read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Floors.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read floors " + file, e);
        }
    }

    /** One line per figure that is missing or on the wrong side of its floor (or ceiling). */
    public static List<String> violations(Map<String, Double> floors, Map<String, Double> figures) {
        List<String> violations = new ArrayList<>();
        floors.forEach((key, limit) -> {
            Double value = figures.get(key);
            boolean ceiling = key.endsWith(QualityFigures.CLEAN_FLAGGED);
            if (value == null || value.isNaN()) {
                violations.add(key + ": no figure");
            } else if (ceiling ? value > limit : value < limit) {
                violations.add(String.format("%s: %.4f is %s the recorded %.4f", key, value,
                        ceiling ? "above" : "below", limit));
            }
        });
        return violations;
    }
}
