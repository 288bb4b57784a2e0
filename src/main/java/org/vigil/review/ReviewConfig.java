package org.vigil.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How staff work the review queue. */
@ConfigMapping(prefix = "vigil.review")
public interface ReviewConfig {

    /** How long a claimed item stays with its reviewer without a sign of life from their page. */
    @WithDefault("PT10M")
    Duration lease();

    /** How often claims whose lease ran out return to the queue. */
    @WithDefault("30s")
    String leaseSweepInterval();

    /** Items a reviewer may read in a day before the page suggests a break. */
    @WithDefault("40")
    int breakAfter();

    /** Queue rows per page. */
    @WithDefault("50")
    int pageSize();

    /** The author's other mentions shown on an item. */
    @WithDefault("20")
    int authorHistorySize();

    /** Longest note or reason, in characters. */
    @WithDefault("4000")
    int maxNoteLength();
}
