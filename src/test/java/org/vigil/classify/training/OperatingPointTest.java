package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;
import org.vigil.classify.training.OperatingPoint.Combination;

class OperatingPointTest {

    private static final double MARGIN = OperatingPoint.THREAT_RECALL_PRIORITY_MARGIN;

    @Test
    void givesUpALittleMeanFBetaToCatchMoreThreats() {
        Combination highestFBeta = combination(0.10, 0.80, 0.75);
        Combination moreThreats = combination(0.05, 0.80 - MARGIN / 2, 0.84);

        assertThat(OperatingPoint.favourThreatRecall(List.of(highestFBeta, moreThreats))).isSameAs(moreThreats);
    }

    @Test
    void keepsTheBestMeanFBetaWhenCatchingMoreThreatsCostsMoreThanTheMargin() {
        Combination highestFBeta = combination(0.10, 0.80, 0.75);
        Combination tooCostly = combination(0.02, 0.80 - 2 * MARGIN, 0.95);

        assertThat(OperatingPoint.favourThreatRecall(List.of(tooCostly, highestFBeta))).isSameAs(highestFBeta);
    }

    @Test
    void prefersTheHigherMeanFBetaAmongThoseCatchingAsManyThreats() {
        Combination lower = combination(0.05, 0.79, 0.84);
        Combination higher = combination(0.06, 0.795, 0.84);

        assertThat(OperatingPoint.favourThreatRecall(List.of(lower, higher, combination(0.2, 0.80, 0.6))))
                .isSameAs(higher);
    }

    private static Combination combination(double violentThreshold, double meanFBeta, double threatsCaught) {
        return new Combination(Map.of(Category.VIOLENT, violentThreshold, Category.RACIST, 0.3, Category.SEXIST, 0.3),
                meanFBeta, threatsCaught);
    }
}
