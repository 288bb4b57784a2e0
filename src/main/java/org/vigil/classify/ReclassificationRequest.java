package org.vigil.classify;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to re-classify the stored mentions, and how far the lane got.
 *
 * @param rescored      mentions re-scored so far
 * @param labelsChanged of those, how many got other labels (they went back to triage once)
 * @param failed        mentions the classifier failed on (left as they were)
 */
public record ReclassificationRequest(long id, Instant requestedAt, String requestedBy, String modelVersion,
        ReclassificationState state, int rescored, int labelsChanged, int failed, Optional<Instant> finishedAt) {
}
