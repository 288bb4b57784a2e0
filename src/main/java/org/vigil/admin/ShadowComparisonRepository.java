package org.vigil.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a shadow model with the live one, per category and language, on the mentions both scored: how
 * often their labels agree, and, on the mentions reviewers decided, which model's label matched the decision
 * (confirmed or escalated with the category: it applies; dismissed, or decided without it: it does not).
 */
@ApplicationScoped
public class ShadowComparisonRepository {

    private final AgroalDataSource dataSource;

    ShadowComparisonRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ShadowComparison> compare(String shadowModelVersion) throws SQLException {
        List<ShadowComparison> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT lang, category, count(*),
                       count(*) FILTER (WHERE live = shadow),
                       count(*) FILTER (WHERE live AND NOT shadow),
                       count(*) FILTER (WHERE shadow AND NOT live),
                       count(*) FILTER (WHERE decided),
                       count(*) FILTER (WHERE decided AND live = reviewers),
                       count(*) FILTER (WHERE decided AND shadow = reviewers)
                FROM (
                    SELECT sc.lang, k.category, k.category = ANY (lc.labels) AS live,
                           k.category = ANY (sc.labels) AS shadow,
                           COALESCE(r.state IN ('CONFIRMED', 'ESCALATED', 'DISMISSED'), false) AS decided,
                           COALESCE(r.state <> 'DISMISSED' AND k.category = ANY (r.categories), false) AS reviewers
                    FROM shadow_classification sc
                    JOIN mention_classification lc
                      ON lc.mention_id = sc.mention_id AND lc.model_version = sc.live_model_version
                    CROSS JOIN unnest(ARRAY['VIOLENT', 'RACIST', 'SEXIST']) AS k(category)
                    LEFT JOIN review_item r ON r.mention_id = sc.mention_id
                    WHERE sc.model_version = ?
                ) compared
                GROUP BY lang, category
                ORDER BY lang, min(CASE category WHEN 'VIOLENT' THEN 1 WHEN 'RACIST' THEN 2 ELSE 3 END)""")) {
            s.setString(1, shadowModelVersion);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new ShadowComparison(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                            r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
                }
            }
        }
        return rows;
    }

    /**
     * One category in one language.
     *
     * @param scored                    mentions both models scored
     * @param agree                     of those, how many got the same label decision from both
     * @param liveOnly                  labelled by the live model only
     * @param shadowOnly                labelled by the shadow model only
     * @param decided                   mentions reviewers decided (confirmed, escalated or dismissed)
     * @param liveAgreedWithReviewers   of those, where the live model's label matched the decision
     * @param shadowAgreedWithReviewers of those, where the shadow model's label matched the decision
     */
    public record ShadowComparison(String lang, String category, long scored, long agree, long liveOnly,
            long shadowOnly, long decided, long liveAgreedWithReviewers, long shadowAgreedWithReviewers) {
    }
}
