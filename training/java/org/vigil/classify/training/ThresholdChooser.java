package org.vigil.classify.training;

import java.util.List;
import java.util.Optional;

import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * Picks a category's decision threshold on dev rows. Every threshold must flag at most
 * {@code maxCriticismFlagged} of the clean rows that must stay unflagged (harsh political criticism, neutral
 * mentions of groups). Given rows that must be caught (team-written threats against MPs), it is the highest
 * threshold that still catches {@code minRecall} of them (the operating point) or, when that would
 * flag too much criticism, the lowest threshold within the criticism budget: as many threats as that budget
 * allows. Otherwise it is the threshold with the best F-beta score on the dev rows.
 */
final class ThresholdChooser {

    private static final int STEPS = 100;

    private ThresholdChooser() {
    }

    static double choose(List<Scored> dev, List<Double> criticismScores, double beta, double maxCriticismFlagged) {
        return choose(dev, criticismScores, beta, maxCriticismFlagged, List.of(), 0);
    }

    static double choose(List<Scored> dev, List<Double> criticismScores, double beta, double maxCriticismFlagged,
            List<Double> mustCatchScores, double minRecall) {
        if (mustCatchScores.isEmpty()) {
            return bestFBeta(dev, criticismScores, beta, maxCriticismFlagged);
        }
        return highestCatching(criticismScores, maxCriticismFlagged, mustCatchScores, minRecall)
                .orElseGet(() -> lowestWithinBudget(criticismScores, maxCriticismFlagged));
    }

    private static Optional<Double> highestCatching(List<Double> criticismScores, double maxCriticismFlagged,
            List<Double> mustCatchScores, double minRecall) {
        for (int i = STEPS - 1; i >= 1; i--) {
            double threshold = (double) i / STEPS;
            if (share(mustCatchScores, threshold) >= minRecall) {
                return share(criticismScores, threshold) <= maxCriticismFlagged
                        ? Optional.of(threshold) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static double lowestWithinBudget(List<Double> criticismScores, double maxCriticismFlagged) {
        for (int i = 1; i < STEPS; i++) {
            double threshold = (double) i / STEPS;
            if (share(criticismScores, threshold) <= maxCriticismFlagged) {
                return threshold;
            }
        }
        return (double) (STEPS - 1) / STEPS;
    }

    private static double bestFBeta(List<Scored> dev, List<Double> criticismScores, double beta,
            double maxCriticismFlagged) {
        double best = 0.5;
        double bestScore = -1;
        for (int i = 1; i < STEPS; i++) {
            double threshold = (double) i / STEPS;
            if (share(criticismScores, threshold) > maxCriticismFlagged) {
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

    /** The share of scores at or above the threshold; 0 for no scores. */
    static double share(List<Double> scores, double threshold) {
        return scores.isEmpty() ? 0 : (double) scores.stream().filter(s -> s >= threshold).count() / scores.size();
    }
}
