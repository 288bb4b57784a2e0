package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the abuse classifier. */
@ConfigMapping(prefix = "vigil.classifier")
public interface ClassifierConfig {

    /** Directory holding manifest.json and the model files; "classpath" loads the models shipped in the jar. */
    @WithDefault(AbuseClassifier.CLASSPATH_MODELS)
    String modelsDirectory();

    /**
     * Which stages score a mention: "fused" (lexical and semantic on every mention), "cascade" (semantic only where a
     * lexical score lies near its threshold, see the model card) or "lexical" (semantic stage off, never loaded).
     */
    @WithDefault("fused")
    ScoringMode scoring();

    /** Most contributions listed per category in an explanation. */
    @WithDefault("5")
    int explanationSize();
}
