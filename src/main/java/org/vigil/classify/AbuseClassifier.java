package org.vigil.classify;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Scores a mention for violent, racist and sexist abuse. One instance is shared by every thread: it holds
 * only immutable models, and each call works on its own local state. It loads at startup (about 2 s), so a
 * missing or broken model stops Vigil before it reports ready.
 */
@Startup
@ApplicationScoped
public class AbuseClassifier {

    static final String CLASSPATH_MODELS = "classpath";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor featureExtractor;
    private final LanguageIdentifier languageIdentifier;
    private final ModelBundle models;
    private final int explanationSize;

    @Inject
    public AbuseClassifier(ClassifierConfig config) {
        this(CLASSPATH_MODELS.equals(config.modelsDirectory())
                ? ModelBundle.fromClasspath()
                : ModelBundle.fromDirectory(Path.of(config.modelsDirectory())),
                LanguageIdentifier.fromClasspath(), config.explanationSize());
    }

    public AbuseClassifier(ModelBundle models, LanguageIdentifier languageIdentifier, int explanationSize) {
        this(models, languageIdentifier, new FeatureExtractor(), explanationSize);
    }

    /** With another feature extractor: offline experiments with extra word lists use it. */
    public AbuseClassifier(ModelBundle models, LanguageIdentifier languageIdentifier, FeatureExtractor featureExtractor,
            int explanationSize) {
        this.models = models;
        this.featureExtractor = featureExtractor;
        this.languageIdentifier = languageIdentifier;
        this.explanationSize = explanationSize;
    }

    /** The classifier with the models shipped on the classpath, for use outside CDI (tests, benchmarks, tools). */
    public static AbuseClassifier withShippedModels() {
        return new AbuseClassifier(ModelBundle.fromClasspath(), LanguageIdentifier.fromClasspath(), 5);
    }

    public Classification classify(String text, Optional<String> languageHint) {
        String safeText = text == null ? "" : text;
        List<String> tokens = normalizer.tokens(safeText);
        String lang = languageIdentifier.identify(safeText, tokens,
                languageHint == null ? Optional.empty() : languageHint);
        String[] features = featureExtractor.features(tokens, lang);
        double[] logOdds = models.logOdds(features);

        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Set<Category> labels = EnumSet.noneOf(Category.class);
        Map<Category, List<Contribution>> explanation = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            double score = sigmoid(logOdds[category.ordinal()]);
            scores.put(category, score);
            boolean fired = score >= models.threshold(category, lang);
            if (fired) {
                labels.add(category);
            }
            // Only a label that fired is explained: words behind a score below its threshold would mislead reviewers.
            explanation.put(category, fired ? models.topContributions(features, category, explanationSize) : List.of());
        }
        return new Classification(scores, labels, lang, modelVersion(), explanation);
    }

    /** The threshold per category at which a text in {@code lang} is labelled. */
    public Map<Category, Double> thresholds(String lang) {
        Map<Category, Double> thresholds = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            thresholds.put(category, models.threshold(category, lang));
        }
        return thresholds;
    }

    public String modelVersion() {
        return models.manifest().modelVersion();
    }

    static double sigmoid(double logOdds) {
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }
}
