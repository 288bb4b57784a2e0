package org.vigil.review;

import org.vigil.classify.Category;
import org.vigil.triage.ReviewState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the item page shows beyond the {@link ItemView}, worked out once in Java so that the template stays
 * plain: which controls the viewer may use, scores and explanations as lines, the categories to offer.
 *
 * @param mine        the viewer holds the item (claimed or on hold) and may decide it
 * @param problem     the problem type slug of a refused action, to explain it on the page
 * @param link        the original post's URL when it is an http(s) link; empty otherwise
 */
public record ItemPage(boolean mine, boolean open, boolean onHold, boolean decided, Optional<String> problem,
        String link, List<ScoreLine> scores, List<ExplanationLine> explanation, List<CategoryChoice> categories) {

    static ItemPage of(ItemView view, String viewer, Optional<String> problem) {
        ReviewState state = view.item().state();
        boolean holder = view.item().claimedBy().filter(viewer::equals).isPresent();
        List<ScoreLine> scores = new ArrayList<>();
        view.classification().ifPresent(c -> c.scores().forEach((category, score) -> scores.add(
                new ScoreLine(category.name(), String.format(Locale.ROOT, "%.2f", score),
                        c.labels().contains(category)))));
        List<ExplanationLine> explanation = new ArrayList<>();
        view.firedExplanation().forEach((category, contributions) -> explanation.add(new ExplanationLine(
                category.name(), contributions.stream().map(c -> c.feature()).toList())));
        Set<Category> checked = view.item().categories().orElse(view.item().modelCategories());
        List<CategoryChoice> categories = new ArrayList<>();
        for (Category category : Category.values()) {
            categories.add(new CategoryChoice(category.name(), checked.contains(category)));
        }
        return new ItemPage(holder && (state == ReviewState.CLAIMED || state == ReviewState.ON_HOLD),
                state == ReviewState.OPEN, holder && state == ReviewState.ON_HOLD, state.isDecided(),
                problem.filter(slug -> slug.matches("[a-z-]{1,40}")), view.mention().safeUrl().orElse(""), scores,
                explanation, categories);
    }

    /** A category's score, and whether its label fired. */
    public record ScoreLine(String category, String score, boolean fired) {
    }

    /** The words behind a label that fired. */
    public record ExplanationLine(String category, List<String> features) {
    }

    /** A category offered in the confirm form, ticked when the model or an earlier decision gave it. */
    public record CategoryChoice(String name, boolean checked) {
    }
}
