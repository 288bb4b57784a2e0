package org.vigil.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** A candidate model that scores every new mention in shadow, beside the live one, without affecting triage. */
@ConfigMapping(prefix = "vigil.classifier.shadow")
public interface ShadowConfig {

    /** Directory with the candidate's manifest.json and model files; unset (the default): no shadow model. */
    Optional<String> models();

    /** How often the shadow job looks for triaged mentions the candidate has not scored. */
    @WithDefault("2s")
    String pollInterval();

    /** Mentions the candidate scores per transaction. */
    @WithDefault("50")
    int batchSize();
}
