package org.vigil.classify.training;

import java.util.List;
import java.util.TreeSet;

import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * Picks a category's decision threshold on dev rows: the one with the best F-beta score (beta above 1 favours
 * recall, for threats), among thresholds that flag at most {@code maxCriticismFlagged} of the clean rows that
 * must stay unflagged (harsh political criticism, neutral mentions of groups).
 */
final class ThresholdChooser {

    private ThresholdChooser() {
    }

    static double choose(List<Scored> dev, List<Double> criticismScores, double beta, double maxCriticismFlagged) {
        TreeSet<Double> candidates = new TreeSet<>();
        for (int i = 1; i < 100; i++) {
            candidates.add(i / 100.0);
        }
        double best = 0.5;
        double bestScore = -1;
        for (double threshold : candidates) {
            long flagged = criticismScores.stream().filter(s -> s >= threshold).count();
            if (!criticismScores.isEmpty() && flagged > maxCriticismFlagged * criticismScores.size()) {
                continue;
            }
            BinaryMetrics m = BinaryMetrics.of(dev, threshold);
            if (m.truePositives() == 0) {
                continue;
            }
            double b2 = beta * beta;
            double fBeta = (1 + b2) * m.precision() * m.recall() / (b2 * m.precision() + m.recall());
            if (fBeta > bestScore) {
                bestScore = fBeta;
                best = threshold;
            }
        }
        return best;
    }
}
