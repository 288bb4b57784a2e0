package org.vigil.review;

import org.vigil.classify.Category;
import org.vigil.classify.Contribution;
import org.vigil.triage.GroupKey;
import org.vigil.triage.ItemGroup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A review item as the item page and {@code GET /api/v1/review/items/{id}} show it. The mention's text is
 * masked; the full text comes only from the audited reveal.
 *
 * @param maskedText        the mention's text with insults and slurs masked
 * @param firedExplanation  for each label that fired, the words behind it
 * @param repliedTo         the post this mention replies to, when Vigil stored it (masked too)
 * @param authorHistory     the author's other mentions, to any MP
 * @param seenToday         how many items the viewer has read today
 * @param suggestBreak      true once {@code seenToday} reaches the configured number
 * @param groups            the campaign, pile-on and author groups the item belongs to, with their size
 * @param foldedInto        the handled group triage folded this item into instead of alerting, if any
 */
public record ItemView(ItemRow item, MentionRow mention, String maskedText,
        Optional<ClassificationView> classification, Map<Category, List<Contribution>> firedExplanation,
        Optional<Reply> repliedTo, List<AuthorMention> authorHistory, List<ActionView> history, int seenToday,
        boolean suggestBreak, List<ItemGroup> groups, Optional<GroupKey> foldedInto) {

    /** The post a mention answers, masked. */
    public record Reply(MentionRow mention, String maskedText) {
    }
}
