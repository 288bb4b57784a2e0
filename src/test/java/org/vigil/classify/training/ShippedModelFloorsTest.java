package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;

/**
 * The shipped model may not fall below the floors recorded in {@code training/floors.json} on the frozen
 * held-out set (committed data only; the corpus floors are checked by {@code evaluate}, where the corpus is).
 */
class ShippedModelFloorsTest {

    private static final Floors FLOORS = Floors.read(Path.of("training/floors.json"));

    @Test
    void shippedModelMeetsEveryFloorOnTheFrozenHeldOutSet() {
        Map<String, Double> figures = QualityFigures.of(AbuseClassifier.withShippedModels(),
                Corpus.read(List.of(FrozenHeldOutSetTest.HOLDOUT)));
        assertThat(Floors.violations(FLOORS.frozen(), figures)).isEmpty();
    }

    @Test
    void floorsCoverRankingRecallAndF1OfEveryCategoryInBothLanguagesAndCleanFlags() {
        for (Category category : Category.values()) {
            for (String lang : List.of("en", "fr")) {
                for (String figure : List.of("rocAuc", "recall", "f1")) {
                    assertThat(FLOORS.frozen()).containsKey(category + "." + lang + "." + figure);
                }
            }
        }
        assertThat(FLOORS.frozen()).containsKeys("macroF1.all", "anyLabel.en.cleanFlagged",
                "anyLabel.fr.cleanFlagged");
    }

    @Test
    void reportsAFigureBelowItsFloorAndAShareOfCleanFlagsAboveItsCeiling() {
        Map<String, Double> floors = Map.of("VIOLENT.en.recall", 0.9, "anyLabel.en.cleanFlagged", 0.05);
        assertThat(Floors.violations(floors, Map.of("VIOLENT.en.recall", 0.95, "anyLabel.en.cleanFlagged", 0.04)))
                .isEmpty();
        assertThat(Floors.violations(floors, Map.of("VIOLENT.en.recall", 0.85, "anyLabel.en.cleanFlagged", 0.06)))
                .hasSize(2);
        assertThat(Floors.violations(floors, Map.of())).hasSize(2);
    }
}
