package org.vigil.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads one mention with its classifications and review item. */
@ApplicationScoped
public class MentionService {

    private final ReviewQueryRepository queries;

    MentionService(ReviewQueryRepository queries) {
        this.queries = queries;
    }

    @Transactional(rollbackOn = SQLException.class)
    public MentionView mention(UUID mentionId) throws SQLException {
        MentionRow mention = queries.mention(mentionId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No mention " + mentionId));
        return new MentionView(mention, MaskedText.mask(mention.text()),
                queries.classifications(mentionId), queries.itemOfMention(mentionId).map(ItemDetail::item));
    }

    /**
     * A mention as the API shows it.
     *
     * @param maskedText      the text with insults masked; the review item's reveal gives it whole
     * @param classifications every classification, newest first
     * @param reviewItem      its review item, when triage queued it
     */
    public record MentionView(MentionRow mention, String maskedText, List<ClassificationView> classifications,
            Optional<ItemRow> reviewItem) {
    }
}
