package org.vigil.review;

import org.vigil.classify.Category;

import java.util.Map;

/** One line of the queue: the item, its mention and the scores in force (empty when unclassifiable). */
public record QueueRow(ItemRow item, MentionRow mention, Map<Category, Double> scores) {
}
