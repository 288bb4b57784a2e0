package org.vigil.classify;

import java.util.Map;

/**
 * {@code models/manifest.json}: what was trained, how, and the decision thresholds chosen on dev data.
 *
 * @param modelVersion  version string stored with every classification
 * @param trainedAt     UTC instant the training finished (information only)
 * @param seed          seed of every random choice in training
 * @param trainer       OpenNLP trainer and its parameters
 * @param files         model file per category, relative to the manifest
 * @param thresholds    score at or above which the category becomes a label
 * @param positiveLabel outcome name of "has this category" inside the OpenNLP models
 */
public record ModelManifest(String modelVersion, String trainedAt, long seed, String trainer,
        Map<Category, String> files, Map<Category, Double> thresholds, String positiveLabel) {

    public static final String FILE_NAME = "manifest.json";
}
