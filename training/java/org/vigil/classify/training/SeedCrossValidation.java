package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.FeatureExtractor;
import org.vigil.classify.LanguageIdentifier;

/**
 * Out-of-fold scores for the team-written seed rows of the train split: each fold is scored by models trained
 * without it. The dev split holds only a few dozen seed rows, too few to place the VIOLENT threshold; these
 * scores let it be set on every seed threat and every piece of political criticism without scoring a row by a
 * model that learned it.
 */
final class SeedCrossValidation {

    /** A seed row and its out-of-fold scores. */
    record ScoredRow(CorpusRecord row, Map<Category, Double> scores) {
    }

    static final int FOLDS = 4;

    private SeedCrossValidation() {
    }

    static List<ScoredRow> outOfFold(List<CorpusRecord> train, TrainingSettings settings,
            LanguageIdentifier languages) {
        List<ScoredRow> scored = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int heldOut = fold;
            List<CorpusRecord> fit = train.stream().filter(r -> !isSeedInFold(r, heldOut)).toList();
            AbuseClassifier classifier = ModelTrainer.classifierOf(new ModelTrainer(settings).train(fit), languages,
                    new FeatureExtractor());
            for (CorpusRecord row : train) {
                if (isSeedInFold(row, heldOut)) {
                    scored.add(new ScoredRow(row, classifier.classify(row.text(), Optional.empty()).scores()));
                }
            }
            System.out.printf("cross-validation fold %d of %d done%n", fold + 1, FOLDS);
        }
        return scored;
    }

    static boolean isSeedInFold(CorpusRecord row, int fold) {
        return TrainingSettings.SEED_SOURCE.equals(row.source()) && Corpus.bucket(row.id()) % FOLDS == fold;
    }
}
