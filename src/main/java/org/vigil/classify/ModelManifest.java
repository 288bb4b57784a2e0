package org.vigil.classify;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code models/manifest.json}: what was trained, how, and the decision thresholds chosen on dev data.
 *
 * @param modelVersion       version string stored with every classification
 * @param trainedAt          UTC instant the training finished (information only)
 * @param seed               seed of every random choice in training
 * @param trainer            OpenNLP trainer and its parameters
 * @param files              model file per category, relative to the manifest
 * @param thresholds         score at or above which the category becomes a label, for languages without their own
 * @param positiveLabel      outcome name of "has this category" inside the OpenNLP models
 * @param languageThresholds thresholds per language code ("en", "fr"), chosen on that language's dev data
 * @param semantic           the semantic stage's weights file ({@link SemanticModel}), relative to the manifest;
 *                           null for a lexical-only model
 * @param featureFingerprint {@link FeatureFingerprint} of the feature code the model was trained with; the
 *                           classifier refuses the model under feature code that gives another (null: not recorded,
 *                           models before it was)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String modelVersion, String trainedAt, long seed, String trainer,
        Map<Category, String> files, Map<Category, Double> thresholds, String positiveLabel,
        Map<String, Map<Category, Double>> languageThresholds, String semantic, String featureFingerprint) {

    public static final String FILE_NAME = "manifest.json";

    public ModelManifest {
        languageThresholds = languageThresholds == null ? Map.of() : Map.copyOf(languageThresholds);
    }

    /** A lexical-only manifest (no semantic stage) without a feature fingerprint. */
    public ModelManifest(String modelVersion, String trainedAt, long seed, String trainer, Map<Category, String> files,
            Map<Category, Double> thresholds, String positiveLabel,
            Map<String, Map<Category, Double>> languageThresholds) {
        this(modelVersion, trainedAt, seed, trainer, files, thresholds, positiveLabel, languageThresholds, null, null);
    }

    /** The same model under another version with a semantic stage in {@code semanticFile}. */
    public ModelManifest withSemantic(String version, String semanticFile) {
        return new ModelManifest(version, trainedAt, seed, trainer, files, thresholds, positiveLabel,
                languageThresholds, semanticFile, featureFingerprint);
    }

    /** The threshold for a category in a language: the language's own where it has one, else the default. */
    public double threshold(Category category, String lang) {
        Map<Category, Double> own = languageThresholds.get(lang);
        return own != null && own.containsKey(category) ? own.get(category) : thresholds.get(category);
    }
}
