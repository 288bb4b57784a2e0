package org.vigil.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Scores a mention for violent, racist and sexist abuse. One instance is shared by every thread: it holds
 * only immutable models, and each call works on its own local state. It loads at startup (about 2 s, plus about
 * 1 s for the sentence embedding model once per JVM), so a missing or broken model stops Vigil before it reports
 * ready.
 *
 * <p>Two stages: the lexical model (words, phrases, patterns; explained feature by feature) and, when the model
 * version has one and the mode is not {@link ScoringMode#LEXICAL}, the semantic stage (a regression on the sentence
 * embedding), fused as {@link SemanticModel} describes and labelled at the fused thresholds. Each stage scores the
 * whole text and, for a mention of several sentences, each sentence ({@link Sentences}); per category the highest
 * counts, so filler around a threat cannot dilute it. The explanation of a
 * label lists its lexical features; the semantic stage appears as one entry, {@value #SEMANTIC_CONTRIBUTION}, when it
 * raised the score.
 */
@Startup
@ApplicationScoped
public class AbuseClassifier {

    static final String CLASSPATH_MODELS = "classpath";
    /** The explanation entry of the semantic stage: how much it raised the fused log-odds above the lexical one. */
    public static final String SEMANTIC_CONTRIBUTION = "[sentence meaning]";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor featureExtractor;
    private final LanguageIdentifier languageIdentifier;
    private final ModelBundle models;
    private final int explanationSize;
    private final ScoringMode mode;
    /** Present when the model has a semantic stage and the mode uses it. */
    private final Optional<SemanticModel> semantic;
    private final SentenceEmbedder embedder;

    @Inject
    public AbuseClassifier(ClassifierConfig config) {
        this(CLASSPATH_MODELS.equals(config.modelsDirectory())
                ? ModelBundle.fromClasspath()
                : ModelBundle.fromDirectory(Path.of(config.modelsDirectory())),
                LanguageIdentifier.fromClasspath(), new FeatureExtractor(), config.explanationSize(), config.scoring());
    }

    /** In the default mode, {@link ScoringMode#FUSED} (lexical only when the model has no semantic stage). */
    public AbuseClassifier(ModelBundle models, LanguageIdentifier languageIdentifier, int explanationSize) {
        this(models, languageIdentifier, new FeatureExtractor(), explanationSize, ScoringMode.FUSED);
    }

    /** With another feature extractor: offline experiments with extra word lists use it. */
    public AbuseClassifier(ModelBundle models, LanguageIdentifier languageIdentifier, FeatureExtractor featureExtractor,
            int explanationSize) {
        this(models, languageIdentifier, featureExtractor, explanationSize, ScoringMode.FUSED);
    }

    /** With another feature extractor and another scoring mode. */
    public AbuseClassifier(ModelBundle models, LanguageIdentifier languageIdentifier, FeatureExtractor featureExtractor,
            int explanationSize, ScoringMode mode) {
        requireTheFeaturesTheModelWasTrainedOn(models.manifest(), languageIdentifier, featureExtractor);
        this.models = models;
        this.featureExtractor = featureExtractor;
        this.languageIdentifier = languageIdentifier;
        this.explanationSize = explanationSize;
        this.mode = mode;
        this.semantic = mode == ScoringMode.LEXICAL ? Optional.empty() : models.semantic();
        semantic.ifPresent(stage -> requireTheEmbeddingsTheStageWasTrainedOn(models.manifest(), stage));
        this.embedder = semantic.isPresent() ? SentenceEmbedder.shared() : null;
    }

    private static void requireTheEmbeddingsTheStageWasTrainedOn(ModelManifest manifest, SemanticModel stage) {
        if (!SentenceEmbedder.MODEL_NAME.equals(stage.embeddingModel())) {
            throw new IllegalStateException("model " + manifest.modelVersion() + "'s semantic stage was trained on "
                    + stage.embeddingModel() + " embeddings, but this build embeds with " + SentenceEmbedder.MODEL_NAME
                    + ": retrain it, run it in lexical mode, or run it from a checkout of the commit it was trained at");
        }
    }

    private void requireTheFeaturesTheModelWasTrainedOn(ModelManifest manifest, LanguageIdentifier languages,
            FeatureExtractor extractor) {
        String trainedOn = manifest.featureFingerprint();
        if (trainedOn == null) {
            return;
        }
        String here = FeatureFingerprint.of(normalizer, languages, extractor);
        if (!trainedOn.equals(here)) {
            throw new IllegalStateException("model " + manifest.modelVersion() + " was trained on feature code with"
                    + " fingerprint " + trainedOn + ", but this build's features give " + here
                    + ": retrain it, or run it from a checkout of the commit it was trained at");
        }
    }

    /** The classifier with the models shipped on the classpath, for use outside CDI (tests, benchmarks, tools). */
    public static AbuseClassifier withShippedModels() {
        return withShippedModels(ScoringMode.FUSED);
    }

    /** The shipped models in the given scoring mode. */
    public static AbuseClassifier withShippedModels(ScoringMode mode) {
        return new AbuseClassifier(ModelBundle.fromClasspath(), LanguageIdentifier.fromClasspath(),
                new FeatureExtractor(), 5, mode);
    }

    public Classification classify(String text, Optional<String> languageHint) {
        String safeText = text == null ? "" : text;
        List<String> tokens = normalizer.tokens(safeText);
        String lang = languageIdentifier.identify(safeText, tokens,
                languageHint == null ? Optional.empty() : languageHint);
        String[] features = featureExtractor.features(tokens, lang);
        List<String> sentences = Sentences.of(safeText);
        double[] lexical = models.logOdds(features);
        for (String sentence : sentences) {
            maxInto(lexical, models.logOdds(featureExtractor.features(normalizer.tokens(sentence), lang)));
        }
        double[] logOdds = semantic.filter(s -> mode == ScoringMode.FUSED || s.uncertain(lexical, lang))
                .map(s -> s.fuse(lexical, semanticLogOdds(s, safeText, sentences)))
                .orElse(lexical);

        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Set<Category> labels = EnumSet.noneOf(Category.class);
        Map<Category, List<Contribution>> explanation = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            int c = category.ordinal();
            double score = sigmoid(logOdds[c]);
            scores.put(category, score);
            boolean fired = score >= threshold(category, lang);
            if (fired) {
                labels.add(category);
            }
            // Only a label that fired is explained: words behind a score below its threshold would mislead reviewers.
            explanation.put(category, fired ? explain(features, category, logOdds[c] - lexical[c]) : List.of());
        }
        return new Classification(scores, labels, lang, modelVersion(), explanation);
    }

    /** The semantic stage's log-odds: per category, the highest of the whole text's and each sentence's. */
    private double[] semanticLogOdds(SemanticModel model, String text, List<String> sentences) {
        double[] logOdds = model.semanticLogOdds(embedder.embed(text));
        for (String sentence : sentences) {
            maxInto(logOdds, model.semanticLogOdds(embedder.embed(sentence)));
        }
        return logOdds;
    }

    /** Keeps in {@code into}, per category, the higher of the two log-odds. */
    public static void maxInto(double[] into, double[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

    private List<Contribution> explain(String[] features, Category category, double semanticRaise) {
        List<Contribution> lexical = models.topContributions(features, category, explanationSize);
        if (semanticRaise <= 0) {
            return lexical;
        }
        List<Contribution> all = new ArrayList<>(lexical);
        all.add(new Contribution(SEMANTIC_CONTRIBUTION, semanticRaise));
        all.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return List.copyOf(all.subList(0, Math.min(explanationSize, all.size())));
    }

    private double threshold(Category category, String lang) {
        return semantic.map(s -> s.threshold(category, lang)).orElseGet(() -> models.threshold(category, lang));
    }

    /** The threshold per category at which a text in {@code lang} is labelled (fused thresholds when fused). */
    public Map<Category, Double> thresholds(String lang) {
        Map<Category, Double> thresholds = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            thresholds.put(category, threshold(category, lang));
        }
        return thresholds;
    }

    /**
     * The manifest's version; for a model with a semantic stage scored in another mode than the default, followed
     * by the mode ({@code +cascade}, {@code +lexical}), so stored scores say how they were made.
     */
    public String modelVersion() {
        String version = models.manifest().modelVersion();
        return models.semantic().isEmpty() || mode == ScoringMode.FUSED ? version
                : version + "+" + mode.name().toLowerCase(Locale.ROOT);
    }

    static double sigmoid(double logOdds) {
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }
}
