package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.classify.training.BinaryMetrics.Scored;

class BinaryMetricsTest {

    private static Scored pos(double score) {
        return new Scored(score, true);
    }

    private static Scored neg(double score) {
        return new Scored(score, false);
    }

    @Test
    void givesRocAucOneForAPerfectRankingAndZeroForAnInvertedOne() {
        assertThat(BinaryMetrics.rocAuc(List.of(pos(0.9), pos(0.8), neg(0.2), neg(0.1)))).isEqualTo(1.0);
        assertThat(BinaryMetrics.rocAuc(List.of(pos(0.1), pos(0.2), neg(0.8), neg(0.9)))).isEqualTo(0.0);
    }

    @Test
    void countsTiesAsHalfInRocAuc() {
        assertThat(BinaryMetrics.rocAuc(List.of(pos(0.5), neg(0.5)))).isEqualTo(0.5);
        // pairs: (0.8>0.3) (0.8>0.5) (0.5=0.5 half) (0.5>0.3) -> 3.5 of 4
        assertThat(BinaryMetrics.rocAuc(List.of(pos(0.8), pos(0.5), neg(0.5), neg(0.3)))).isEqualTo(0.875);
    }

    @Test
    void givesDeLongsStandardErrorOfRocAuc() {
        // each positive's share of negatives below it: 1, 2/3; each negative's share of positives above it: 1/2, 1, 1;
        // variances 1/18 and 1/12, over 2 positives and 3 negatives: 1/36 + 1/36
        assertThat(BinaryMetrics.rocAucStandardError(List.of(pos(0.9), neg(0.7), pos(0.6), neg(0.2), neg(0.1))))
                .isCloseTo(Math.sqrt(1.0 / 18), within(1e-12));
    }

    @Test
    void countsTiesAsHalfInTheStandardError() {
        // shares 1 and 3/4 for the positives, 3/4 and 1 for the negatives: variances 1/32 each, over 2 and 2
        assertThat(BinaryMetrics.rocAucStandardError(List.of(pos(0.8), pos(0.5), neg(0.5), neg(0.3))))
                .isCloseTo(Math.sqrt(1.0 / 32), within(1e-12));
    }

    @Test
    void hasNoStandardErrorWithFewerThanTwoRowsOnASide() {
        assertThat(BinaryMetrics.rocAucStandardError(List.of(pos(0.9), neg(0.7), neg(0.2)))).isNaN();
        assertThat(BinaryMetrics.rocAucStandardError(List.of(pos(0.9), pos(0.7), neg(0.2)))).isNaN();
    }

    @Test
    void computesAveragePrecision() {
        // ranked: P N P -> precision at the two hits 1/1 and 2/3 -> (1 + 2/3) / 2
        assertThat(BinaryMetrics.averagePrecision(List.of(pos(0.9), neg(0.8), pos(0.7))))
                .isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void countsTheConfusionAtTheThreshold() {
        BinaryMetrics m = BinaryMetrics.of(List.of(pos(0.9), pos(0.4), neg(0.6), neg(0.1)), 0.5);
        assertThat(List.of(m.truePositives(), m.falseNegatives(), m.falsePositives(), m.trueNegatives()))
                .containsExactly(1, 1, 1, 1);
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.f1()).isEqualTo(0.5);
    }

    @Test
    void setsTheThreatThresholdAsHighAsTheRecallTargetAllows() {
        List<Double> threats = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99);
        double threshold = ThresholdChooser.choose(List.of(pos(0.9), neg(0.1)), List.of(0.1), 2.0, 0.05,
                threats, 0.9);
        assertThat(threshold).isCloseTo(0.6, within(1e-9)); // 9 of the 10 threats are at or above 0.6
    }

    @Test
    void catchesAsManyThreatsAsTheCriticismBudgetAllowsWhenTheRecallTargetIsOutOfReach() {
        List<Double> threats = List.of(0.05, 0.2, 0.9);
        double threshold = ThresholdChooser.choose(List.of(pos(0.9), neg(0.1)), List.of(0.1, 0.3), 2.0, 0.05,
                threats, 0.9);
        assertThat(threshold).isCloseTo(0.31, within(1e-9)); // the lowest threshold above all criticism
    }

    @Test
    void choosesTheThresholdThatKeepsPoliticalCriticismUnflagged() {
        List<Scored> dev = List.of(pos(0.9), pos(0.35), neg(0.3), neg(0.1));
        double unconstrained = ThresholdChooser.choose(dev, List.of(), 1.0, 0.05);
        double constrained = ThresholdChooser.choose(dev, List.of(0.5), 1.0, 0.05);
        assertThat(unconstrained).isLessThanOrEqualTo(0.35);
        assertThat(constrained).isGreaterThan(0.5);
    }
}
