package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;

/**
 * One English slice of team-written rows where VIOLENT and RACIST each need 4 of 100 clean rows flagged to do
 * well, but the cap of 4.5% clean rows with any label leaves room for only one of them.
 */
class OperatingPointTest {

    private static final List<String> ALL = List.of("VIOLENT", "RACIST", "SEXIST");

    @Test
    void givesViolentTheBudgetItNeedsToCatchThreatsEvenWhereRacistWouldRaiseTheMeanFBetaMore() {
        // All 10 threats score 0.65 or more; catching them flags the 4 clean rows at 0.70 (4%).
        List<SeedCrossValidation.ScoredRow> rows = slice(List.of(0.9, 0.9, 0.9, 0.9, 0.9, 0.65, 0.65, 0.65, 0.65,
                0.65));

        OperatingPoint point = OperatingPoint.choose(rows, OperatingPoint::isTeamWritten);

        Map<Category, Double> english = point.perLanguage().get("en");
        assertThat(english.get(Category.VIOLENT)).isLessThanOrEqualTo(0.65);
        assertThat(english.get(Category.RACIST)).isGreaterThan(0.50);
        assertThat(OperatingPoint.cleanRowsWithAnyLabel(rows, point.thresholds(), point.perLanguage()))
                .isLessThanOrEqualTo(0.045);
    }

    @Test
    void letsTheMeanFBetaDecideWhenViolentReachesTheTargetWithoutBudget() {
        List<SeedCrossValidation.ScoredRow> rows = slice(List.of(0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9,
                0.9));

        OperatingPoint point = OperatingPoint.choose(rows, OperatingPoint::isTeamWritten);

        Map<Category, Double> english = point.perLanguage().get("en");
        assertThat(english.get(Category.VIOLENT)).isGreaterThan(0.70);
        assertThat(english.get(Category.RACIST)).isLessThanOrEqualTo(0.45);
    }

    /**
     * 100 clean rows (4 score 0.70 for VIOLENT, 4 others 0.50 for RACIST), 10 threats with these VIOLENT scores,
     * and 10 racist rows, one at 0.90 and nine at 0.45, so RACIST recall needs the clean rows at 0.50 flagged.
     */
    private static List<SeedCrossValidation.ScoredRow> slice(List<Double> threatScores) {
        List<SeedCrossValidation.ScoredRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row("clean-" + i, List.of(), i < 4 ? 0.70 : 0.05, i >= 4 && i < 8 ? 0.50 : 0.05));
        }
        for (int i = 0; i < threatScores.size(); i++) {
            rows.add(row("threat-" + i, List.of("VIOLENT"), threatScores.get(i), 0.05));
        }
        for (int i = 0; i < 10; i++) {
            rows.add(row("racist-" + i, List.of("RACIST"), 0.05, i == 0 ? 0.90 : 0.45));
        }
        return rows;
    }

    private static SeedCrossValidation.ScoredRow row(String id, List<String> labels, double violent,
            double racist) {
        CorpusRecord record = new CorpusRecord("vigil-seed:" + id, TrainingSettings.SEED_SOURCE, "en", id, labels,
                ALL, null, Map.of());
        Map<Category, Double> scores = new EnumMap<>(Map.of(Category.VIOLENT, violent, Category.RACIST, racist,
                Category.SEXIST, 0.05));
        return new SeedCrossValidation.ScoredRow(record, scores);
    }
}
