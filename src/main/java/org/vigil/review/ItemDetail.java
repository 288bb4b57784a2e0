package org.vigil.review;

import java.util.Optional;

/** A review item with its mention and the classification in force (empty when unclassifiable). */
public record ItemDetail(ItemRow item, MentionRow mention, Optional<ClassificationView> classification) {
}
