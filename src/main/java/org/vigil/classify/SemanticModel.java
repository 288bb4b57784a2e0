package org.vigil.classify;

import java.util.Map;

/**
 * The semantic stage's weights ({@code semantic.json}, named by the manifest): a logistic regression per category
 * on the sentence embedding, the statistics that put its log-odds and the lexical model's on one scale, and the
 * thresholds of the fused score.
 *
 * <p>Fusion: each stage's log-odds is z-scored with its own mean and standard deviation (measured on the corpus
 * development rows), the two z-scores are averaged with the category's semantic share {@code s} (chosen on
 * MP-directed development rows; one half is the plain average), and the average is put back on the lexical model's
 * log-odds scale: {@code fused = lexicalMean + lexicalSd * ((1 - s) * zLexical + s * zSemantic)}. In a category
 * that only raises, the fused log-odds is never below the lexical one. A mention both
 * stages find ordinary keeps about its lexical score; the score is a ranking score in [0, 1], not a calibrated
 * probability.
 *
 * @param embeddingModel     the sentence embedding model the weights were trained on ({@link SentenceEmbedder#MODEL_NAME})
 * @param categories         per category, the regression weights and the fusion statistics
 * @param thresholds         fused-score thresholds for languages without their own
 * @param languageThresholds fused-score thresholds per language, chosen on MP-directed development data
 * @param cascadeBand        in cascade mode, the semantic stage runs only where a category's lexical log-odds lies
 *                           within this many lexical standard deviations of its fused threshold
 */
public record SemanticModel(String embeddingModel, Map<Category, CategoryWeights> categories,
        Map<Category, Double> thresholds, Map<String, Map<Category, Double>> languageThresholds, double cascadeBand) {

    /**
     * One category's regression and fusion statistics.
     *
     * @param weights      one weight per embedding dimension
     * @param bias         the intercept
     * @param lexicalMean  mean of the lexical log-odds on the corpus development rows
     * @param lexicalSd    their standard deviation
     * @param semanticMean mean of this regression's log-odds on the same rows
     * @param semanticSd   their standard deviation
     * @param semanticShare weight of the semantic z-score in the fused average, in [0, 1]
     * @param raiseOnly    the semantic stage may raise the lexical log-odds but never lower it (false in files
     *                     written before the ninth round, which lack it)
     */
    public record CategoryWeights(float[] weights, double bias, double lexicalMean, double lexicalSd,
            double semanticMean, double semanticSd, double semanticShare, boolean raiseOnly) {

        double logOdds(float[] embedding) {
            double sum = bias;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i] * embedding[i];
            }
            return sum;
        }

        /** The fused log-odds of this category from both stages' log-odds. */
        public double fuse(double lexicalLogOdds, double semanticLogOdds) {
            double zLexical = (lexicalLogOdds - lexicalMean) / lexicalSd;
            double zSemantic = (semanticLogOdds - semanticMean) / semanticSd;
            double fused = lexicalMean + lexicalSd * ((1 - semanticShare) * zLexical + semanticShare * zSemantic);
            return raiseOnly ? Math.max(lexicalLogOdds, fused) : fused;
        }
    }

    public SemanticModel {
        categories = Map.copyOf(categories);
        thresholds = Map.copyOf(thresholds);
        languageThresholds = languageThresholds == null ? Map.of() : Map.copyOf(languageThresholds);
        for (Category category : Category.values()) {
            if (!categories.containsKey(category) || !thresholds.containsKey(category)) {
                throw new IllegalStateException("semantic weights lack " + category);
            }
        }
    }

    /** The fused-score threshold for a category in a language: the language's own where it has one. */
    public double threshold(Category category, String lang) {
        Map<Category, Double> own = languageThresholds.get(lang);
        return own != null && own.containsKey(category) ? own.get(category) : thresholds.get(category);
    }

    /** Fused log-odds per category (by ordinal) from the lexical log-odds and the text's embedding. */
    public double[] fuse(double[] lexicalLogOdds, float[] embedding) {
        return fuse(lexicalLogOdds, semanticLogOdds(embedding));
    }

    /** Fused log-odds per category (by ordinal) from both stages' log-odds. */
    public double[] fuse(double[] lexicalLogOdds, double[] semanticLogOdds) {
        double[] fused = new double[lexicalLogOdds.length];
        for (Category category : Category.values()) {
            int c = category.ordinal();
            fused[c] = categories.get(category).fuse(lexicalLogOdds[c], semanticLogOdds[c]);
        }
        return fused;
    }

    /** The semantic regression's own log-odds per category (by ordinal): the "semantic only" stage. */
    public double[] semanticLogOdds(float[] embedding) {
        double[] logOdds = new double[Category.values().length];
        for (Category category : Category.values()) {
            logOdds[category.ordinal()] = categories.get(category).logOdds(embedding);
        }
        return logOdds;
    }

    /**
     * Cascade: whether any category's lexical log-odds lies within {@link #cascadeBand} lexical standard deviations
     * of its fused threshold for the language. Outside the band the semantic stage is assumed to agree with the
     * lexical one, and the lexical log-odds stands as the fused log-odds.
     */
    public boolean uncertain(double[] lexicalLogOdds, String lang) {
        for (Category category : Category.values()) {
            double t = threshold(category, lang);
            double thresholdLogOdds = Math.log(t / (1 - t));
            if (Math.abs(lexicalLogOdds[category.ordinal()] - thresholdLogOdds)
                    <= cascadeBand * categories.get(category).lexicalSd()) {
                return true;
            }
        }
        return false;
    }
}
