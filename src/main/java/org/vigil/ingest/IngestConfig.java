package org.vigil.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the mentions webhook. The body limit itself is {@code quarkus.http.limits.max-body-size} (1 MiB). */
@ConfigMapping(prefix = "vigil.ingest")
public interface IngestConfig {

    /** Most mentions accepted in one {@code {"mentions": [...]}} delivery. */
    @WithDefault("500")
    int maxItems();
}
