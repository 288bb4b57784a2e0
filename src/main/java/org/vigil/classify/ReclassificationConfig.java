package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The low-priority lane that re-classifies already triaged mentions with the model in force. */
@ConfigMapping(prefix = "vigil.classification.reclassify")
public interface ReclassificationConfig {

    /** How often the lane looks for a pending request (it is also started by each new request). */
    @WithDefault("1s")
    String pollInterval();

    /** Mentions re-scored per transaction: small, so a new mention never waits long behind one batch. */
    @WithDefault("20")
    int batchSize();
}
