package org.vigil.review;

import org.vigil.classify.Category;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** One entry of an item's history, as staff see it. */
public record ActionView(Instant at, String actor, ReviewAction action, Optional<Set<Category>> categories,
        Optional<String> note, Optional<String> handedTo) {
}
