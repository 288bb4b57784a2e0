package org.vigil.escalation;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * Everything an alert email shows, already masked and formatted; the templates only lay it out.
 *
 * @param caseUrl link to the case in Vigil, starting with vigil.public-url
 */
@TemplateData
public record AlertView(String priority, String mpName, String category, String platform, String authorHandle,
        String postedAt, String maskedText, List<ScoreLine> scores, List<RuleLine> rules, AuthorHistory history,
        String reason, String raisedBy, String caseUrl) {

    @TemplateData
    public record ScoreLine(String category, String score, boolean labelled) {
    }

    @TemplateData
    public record RuleLine(String ruleId, String reason) {
    }
}
