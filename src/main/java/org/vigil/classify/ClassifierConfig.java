package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the abuse classifier. */
@ConfigMapping(prefix = "vigil.classifier")
public interface ClassifierConfig {

    /** Directory holding manifest.json and the model files; "classpath" loads the models shipped in the jar. */
    @WithDefault(AbuseClassifier.CLASSPATH_MODELS)
    String modelsDirectory();

    /** Most contributions listed per category in an explanation. */
    @WithDefault("5")
    int explanationSize();
}
