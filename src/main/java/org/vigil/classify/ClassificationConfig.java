package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How stored mentions are classified in the background. */
@ConfigMapping(prefix = "vigil.classification")
public interface ClassificationConfig {

    /** How often the worker looks for mentions awaiting classification. */
    @WithDefault("1s")
    String pollInterval();

    /** Mentions classified per transaction. */
    @WithDefault("200")
    int batchSize();
}
