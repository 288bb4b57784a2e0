package org.vigil.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three category models as one immutable table: feature -> log-odds weight per category, so scoring a
 * text costs one hash lookup per feature for all categories together, and the semantic stage's weights when the
 * manifest names them. Loaded from the OpenNLP model files, the semantic weights and the manifest that training
 * writes: a directory holding these files is a complete model version (the sentence embedding model itself comes
 * from its jar, see {@link SentenceEmbedder}).
 */
public final class ModelBundle {

    /** Where {@code models/} sits inside the jar (the pom copies the repository's models/ there). */
    public static final String CLASSPATH_ROOT = "/models/";

    private static final Category[] CATEGORIES = Category.values();

    private final ModelManifest manifest;
    private final Map<String, double[]> weights;
    private final Optional<SemanticModel> semantic;

    private ModelBundle(ModelManifest manifest, Map<String, double[]> weights, Optional<SemanticModel> semantic) {
        this.manifest = manifest;
        this.weights = weights;
        this.semantic = semantic;
    }

    /** Builds a bundle from per-category log-odds weights; used by loading and by training. */
    public static ModelBundle of(ModelManifest manifest, Map<Category, Map<String, Double>> perCategory) {
        Map<String, double[]> table = new HashMap<>();
        perCategory.forEach((category, categoryWeights) -> categoryWeights.forEach((feature, weight) ->
                table.computeIfAbsent(feature, f -> new double[CATEGORIES.length])[category.ordinal()] = weight));
        return new ModelBundle(manifest, Collections.unmodifiableMap(table), Optional.empty());
    }

    /** This lexical model with a semantic stage, under the given manifest (which names the semantic file). */
    public ModelBundle withSemantic(ModelManifest semanticManifest, SemanticModel semanticModel) {
        return new ModelBundle(semanticManifest, weights, Optional.of(semanticModel));
    }

    public static ModelBundle fromClasspath() {
        return load(name -> {
            InputStream in = ModelBundle.class.getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + CLASSPATH_ROOT + name);
            }
            return in;
        });
    }

    public static ModelBundle fromDirectory(Path directory) {
        return load(name -> Files.newInputStream(directory.resolve(name)));
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ModelBundle load(Opener opener) {
        try {
            ModelManifest manifest;
            try (InputStream in = opener.open(ModelManifest.FILE_NAME)) {
                manifest = new ObjectMapper().readValue(in, ModelManifest.class);
            }
            Map<Category, Map<String, Double>> perCategory = new EnumMap<>(Category.class);
            for (Category category : CATEGORIES) {
                String file = manifest.files().get(category);
                if (file == null || !manifest.thresholds().containsKey(category)) {
                    throw new IllegalStateException("manifest lacks a model or threshold for " + category);
                }
                try (InputStream in = opener.open(file)) {
                    perCategory.put(category,
                            MaxentModelFiles.logOddsWeights(MaxentModelFiles.read(in), manifest.positiveLabel()));
                }
            }
            ModelBundle lexical = of(manifest, perCategory);
            if (manifest.semantic() == null) {
                return lexical;
            }
            try (InputStream in = opener.open(manifest.semantic())) {
                return lexical.withSemantic(manifest, new ObjectMapper().readValue(in, SemanticModel.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load classifier models", e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The semantic stage, when this model version has one. */
    public Optional<SemanticModel> semantic() {
        return semantic;
    }

    public double threshold(Category category, String lang) {
        return manifest.threshold(category, lang);
    }

    /** Summed log-odds per category (indexed by ordinal) of the given features. */
    public double[] logOdds(String[] features) {
        double[] sums = new double[CATEGORIES.length];
        for (String feature : features) {
            double[] w = weights.get(feature);
            if (w != null) {
                for (int c = 0; c < sums.length; c++) {
                    sums[c] += w[c];
                }
            }
        }
        return sums;
    }

    /** The features that raised {@code category}'s score the most, strongest first (bias and language excluded). */
    public List<Contribution> topContributions(String[] features, Category category, int limit) {
        List<Contribution> positive = new ArrayList<>();
        for (String feature : features) {
            double[] w = weights.get(feature);
            if (w != null && w[category.ordinal()] > 0 && isExplanatory(feature)) {
                positive.add(new Contribution(FeatureNames.readable(feature), w[category.ordinal()]));
            }
        }
        positive.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        return List.copyOf(positive.subList(0, Math.min(limit, positive.size())));
    }

    private static boolean isExplanatory(String feature) {
        return !feature.equals(FeatureExtractor.BIAS) && !feature.startsWith("lang=");
    }
}
