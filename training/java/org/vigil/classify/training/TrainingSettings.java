package org.vigil.classify.training;

/**
 * The knobs of training, recorded in the manifest so a model can be reproduced.
 *
 * @param iterations most L-BFGS iterations per category
 * @param cutoff     features seen in fewer training rows are dropped (keeps models compact)
 * @param l1Cost     L1 penalty: pushes useless weights to exactly zero
 * @param l2Cost     L2 penalty: keeps any single word from dominating
 * @param seedWeight times each team-written seed row is repeated
 * @param threads    trainer threads (two runs with the same count gave byte-identical models)
 */
public record TrainingSettings(int iterations, int cutoff, double l1Cost, double l2Cost, int seedWeight,
        int threads) {

    /** The {@code source} of team-written seed rows. */
    public static final String SEED_SOURCE = "vigil-seed";
    /** The {@code source} of team-written development rows: scored for thresholds, never trained on. */
    public static final String DEV_SOURCE = "vigil-dev";
    /** Recorded in the manifest for any future random choice; today splits and folds hash the row id instead. */
    public static final long SEED = 20261129L;

    /**
     * Seed weight 7 from the eleventh round: with the retired held-out sets trained on, the 7,181 team-written train
     * rows weigh 50k in all, about what 2,064 rows at 25 weighed before; at 25 they outweighed the corpus and its
     * test split lost ranking.
     */
    public static TrainingSettings shipped() {
        return new TrainingSettings(150, 2, 0.5, 2.0, 7, 2);
    }

    String describe() {
        return "OpenNLP MAXENT_QN iterations=" + iterations + " cutoff=" + cutoff + " L1=" + l1Cost + " L2="
                + l2Cost + " seedWeight=" + seedWeight;
    }
}
