package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Quality of one score on one slice of rows: threshold metrics, confusion, and the threshold-free
 * ROC-AUC (Mann-Whitney, ties counted half) and PR-AUC (average precision).
 */
public record BinaryMetrics(int rows, int positives, double threshold, int truePositives, int falsePositives,
        int trueNegatives, int falseNegatives, double precision, double recall, double f1, double rocAuc,
        double prAuc) {

    /** One scored row: its score and whether it truly has the category. */
    public record Scored(double score, boolean positive) {
    }

    public static BinaryMetrics of(List<Scored> scored, double threshold) {
        return ofDecisions(scored, scored.stream().map(s -> s.score() >= threshold).toList(), threshold);
    }

    /**
     * Threshold metrics from the classifier's own decisions (labels), which may use a threshold per language;
     * {@code threshold} is only reported (NaN when it varies).
     */
    public static BinaryMetrics ofDecisions(List<Scored> scored, List<Boolean> flaggedByRow, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            boolean flagged = flaggedByRow.get(i);
            if (s.positive()) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(scored.size(), tp + fn, threshold, tp, fp, tn, fn, precision, recall, f1,
                rocAuc(scored), averagePrecision(scored));
    }

    /** Share of the rows without the category that were flagged with it; NaN without such rows. */
    public double cleanFlagged() {
        return falsePositives + trueNegatives == 0 ? Double.NaN
                : (double) falsePositives / (falsePositives + trueNegatives);
    }

    static double rocAuc(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score));
        long positives = sorted.stream().filter(Scored::positive).count();
        long negatives = sorted.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double positiveRankSum = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
            for (int k = i; k < j; k++) {
                if (sorted.get(k).positive()) {
                    positiveRankSum += averageRank;
                }
            }
            i = j;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /**
     * DeLong's standard error of {@link #rocAuc}: each positive's share of negatives scored below it and each
     * negative's share of positives scored above it (ties counting half) vary around the ROC-AUC, and their
     * variances, over the number of positives and of negatives, add up to its variance (DeLong, DeLong and
     * Clarke-Pearson, Biometrics 1988). It treats rows as independent, so on template-built suites, whose cases share
     * templates, it is a floor on the uncertainty. NaN with fewer than two positives or two negatives.
     */
    static double rocAucStandardError(List<Scored> scored) {
        double[] positives = scored.stream().filter(Scored::positive).mapToDouble(Scored::score).sorted().toArray();
        double[] negatives = scored.stream().filter(s -> !s.positive()).mapToDouble(Scored::score).sorted().toArray();
        if (positives.length < 2 || negatives.length < 2) {
            return Double.NaN;
        }
        double[] negativesBelow = new double[positives.length];
        for (int i = 0; i < positives.length; i++) {
            negativesBelow[i] = belowPlusHalfTies(negatives, positives[i]) / negatives.length;
        }
        double[] positivesAbove = new double[negatives.length];
        for (int j = 0; j < negatives.length; j++) {
            positivesAbove[j] = 1 - belowPlusHalfTies(positives, negatives[j]) / positives.length;
        }
        return Math.sqrt(sampleVariance(negativesBelow) / positives.length
                + sampleVariance(positivesAbove) / negatives.length);
    }

    /** How many of the sorted values lie below {@code value}, ties counting half. */
    private static double belowPlusHalfTies(double[] sorted, double value) {
        int below = firstNotBelow(sorted, value);
        int notAbove = firstNotBelow(sorted, Math.nextUp(value));
        return below + (notAbove - below) / 2.0;
    }

    private static int firstNotBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double sampleVariance(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }

    static double averagePrecision(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
        long positives = sorted.stream().filter(Scored::positive).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int seen = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            int tiedPositives = 0;
            while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
                tiedPositives += sorted.get(j).positive() ? 1 : 0;
                j++;
            }
            tp += tiedPositives;
            seen = j;
            ap += (double) tiedPositives / positives * ((double) tp / seen);
            i = j;
        }
        return ap;
    }
}
