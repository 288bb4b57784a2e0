package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.FeatureExtractor;
import org.vigil.classify.LanguageIdentifier;

/**
 * Out-of-fold scores for the team-written seed rows (train and dev split): each fold is scored by models trained
 * without it. These scores place the thresholds on every seed threat and every piece of political criticism without
 * scoring a row by a model that learned it. Folds hold whole sets (every row written for one retired held-out set or
 * one seed round lands in the same fold): with rows spread over folds one by one, each row was scored by a model that
 * had learned its siblings from the same brief, and threats scored higher than threats from a fresh set do, so the
 * VIOLENT threshold that caught 90% of them caught fewer fresh threats (thirty-second and thirty-third rounds).
 */
final class SeedCrossValidation {

    /** A seed row and its out-of-fold scores. */
    record ScoredRow(CorpusRecord row, Map<Category, Double> scores) {
    }

    static final int FOLDS = 4;

    /** Ids of rows written for a retired held-out set ("frozen-v41-"), a seed round ("r10-", "round33-"). */
    private static final Pattern WRITTEN_FOR = Pattern.compile("^vigil-seed:(frozen-v\\d+|r\\d+|round\\d+)-");
    /** The first seed set's ids carry only the kind. */
    private static final String FIRST_SEED_SET = "seed";

    private SeedCrossValidation() {
    }

    /**
     * Scores the seed rows of {@code train} and {@code dev} in each fold by models trained on the rows of
     * {@code train} outside it.
     */
    static List<ScoredRow> outOfFold(List<CorpusRecord> train, List<CorpusRecord> dev, TrainingSettings settings,
            LanguageIdentifier languages) {
        List<CorpusRecord> seed = new ArrayList<>(train);
        seed.addAll(dev);
        List<ScoredRow> scored = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int heldOut = fold;
            List<CorpusRecord> fit = train.stream().filter(r -> !isSeedInFold(r, heldOut)).toList();
            AbuseClassifier classifier = ModelTrainer.classifierOf(new ModelTrainer(settings).train(fit), languages,
                    new FeatureExtractor());
            for (CorpusRecord row : seed) {
                if (isSeedInFold(row, heldOut)) {
                    scored.add(new ScoredRow(row, classifier.classify(row.text(), Optional.empty()).scores()));
                }
            }
            System.out.printf("cross-validation fold %d of %d done%n", fold + 1, FOLDS);
        }
        return scored;
    }

    static boolean isSeed(CorpusRecord row) {
        return TrainingSettings.SEED_SOURCE.equals(row.source());
    }

    static boolean isSeedInFold(CorpusRecord row, int fold) {
        return isSeed(row) && Corpus.bucket(writtenFor(row.id())) % FOLDS == fold;
    }

    /** The set a seed row was written for, from its id. */
    static String writtenFor(String id) {
        Matcher matcher = WRITTEN_FOR.matcher(id);
        return matcher.find() ? matcher.group(1) : FIRST_SEED_SET;
    }
}
