package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the background worker classifies stored mentions (the classifier itself: {@link ClassifierConfig}). */
@ConfigMapping(prefix = "vigil.classification")
public interface ClassificationWorkerConfig {

    /** How often the worker looks for mentions awaiting classification. */
    @WithDefault("1s")
    String pollInterval();

    /**
     * Mentions classified per transaction. Small, because the fused classifier takes milliseconds per mention
     * and a threat that arrives during a batch waits for it to commit.
     */
    @WithDefault("50")
    int batchSize();
}
