package org.vigil.escalation;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * Everything an alert email shows, already masked and formatted; the templates only lay it out.
 *
 * @param caseUrl link to the case in Vigil, starting with vigil.public-url
 * @param ackUrl  signed link to acknowledge the case, for the recipient this view is rendered for
 * @param note    a line above the alert (for example why it reaches a further tier); empty for none
 */
@TemplateData
public record AlertView(String priority, String mpName, String category, String platform, String authorHandle,
        String postedAt, String maskedText, List<ScoreLine> scores, List<RuleLine> rules, AuthorHistory history,
        String reason, String raisedBy, String caseUrl, String ackUrl, String note) {

    /** The same alert for one recipient: their acknowledgement link, and a note such as "next tier". */
    public AlertView personal(String recipientAckUrl, String recipientNote) {
        return new AlertView(priority, mpName, category, platform, authorHandle, postedAt, maskedText, scores, rules,
                history, reason, raisedBy, caseUrl, recipientAckUrl, recipientNote);
    }

    @TemplateData
    public record ScoreLine(String category, String score, boolean labelled) {
    }

    @TemplateData
    public record RuleLine(String ruleId, String reason) {
    }
}
