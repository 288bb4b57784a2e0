package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.vigil.classify.Category;
import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * The thresholds a model ships with, a default set and one per language, chosen on development rows only: the
 * caller's rows for F-beta, team-written clean rows (dev split and out-of-fold seed rows) for the budget of clean
 * flags, team-written threats for VIOLENT's recall target. Each category gets its own budget of clean flags: for
 * each slice (all languages, then each language) every combination of the budgets is tried. Among those where at
 * most 4.5% of the slice's team-written clean rows get any label, VIOLENT comes first: only the combinations whose
 * VIOLENT threshold catches as many team-written threats as any of them does (counted up to the 92% target) stay
 * in, and of those the best mean F-beta over the categories wins. One budget for all categories (the rule before)
 * gave RACIST the same small budget as VIOLENT, where a little more bought much more recall; with F-beta alone,
 * the search then moved VIOLENT's budget to RACIST and SEXIST whenever the mean rose, and French threat recall
 * fell on fresh sets.
 *
 * @param thresholds  for languages without their own
 * @param perLanguage per language with its own
 */
record OperatingPoint(Map<Category, Double> thresholds, Map<String, Map<Category, Double>> perLanguage) {

    /** F-beta where no recall target applies; VIOLENT favours recall (a missed threat costs more). */
    private static final Map<Category, Double> F_BETA = Map.of(Category.VIOLENT, 2.0, Category.RACIST, 1.0,
            Category.SEXIST, 1.0);
    /**
     * At most this share of the team-written clean rows (criticism, neutral mentions, counter-speech, quotes,
     * negation, idioms) may get any label. The target is 5% on mentions nobody has seen. With the semantic
     * stage, fresh sets get flagged more than out-of-fold rows (5.4% out-of-fold, 5.7% to 8.2% fresh), so the cap
     * sits under the target; fused VIOLENT first takes under 2% for itself, leaving RACIST and SEXIST room.
     */
    private static final double MAX_CLEAN_FLAGGED_ANY_LABEL = 0.045;
    /** Per-category budgets of clean flags, combined in every way per slice. */
    private static final double[] CATEGORY_BUDGETS = {0.05, 0.04, 0.03, 0.025, 0.02, 0.015, 0.01, 0.005};
    /**
     * VIOLENT must catch this share of the team-written threats against MPs out of fold. The target is 90% on
     * threats nobody has seen; at 90% out of fold the thirty-fourth round's candidate caught 87.8% of the English
     * threats of three fresh sets, so the operating point aims that gap (rounded) above the target.
     */
    private static final double MIN_THREAT_RECALL = 0.92;
    private static final List<String> LANGUAGES_WITH_OWN_THRESHOLDS = List.of("en", "fr");

    /**
     * Chooses the operating point on these scored rows, printing every step; {@code fBetaRows} are the rows the
     * F-beta score is measured on.
     */
    static OperatingPoint choose(List<SeedCrossValidation.ScoredRow> scored, Predicate<CorpusRecord> fBetaRows) {
        Map<Category, Double> thresholds = chooseSlice(scored, "all languages", row -> true, fBetaRows);
        Map<String, Map<Category, Double>> perLanguage = new LinkedHashMap<>();
        for (String lang : LANGUAGES_WITH_OWN_THRESHOLDS) {
            perLanguage.put(lang, chooseSlice(scored, lang, row -> lang.equals(row.lang()), fBetaRows));
        }
        System.out.printf("team-written clean rows with any label: %.3f%n",
                cleanRowsWithAnyLabel(scored, thresholds, perLanguage));
        return new OperatingPoint(thresholds, perLanguage);
    }

    /**
     * The combination of per-category budgets on one slice whose clean rows get any label at most 4.5%, catching
     * the most team-written threats (up to the target) and, among those, with the best mean F-beta.
     */
    private static Map<Category, Double> chooseSlice(List<SeedCrossValidation.ScoredRow> scored, String name,
            Predicate<CorpusRecord> inSlice, Predicate<CorpusRecord> fBetaRows) {
        List<SeedCrossValidation.ScoredRow> slice = scored.stream().filter(s -> inSlice.test(s.row())).toList();
        Map<Category, double[]> byBudget = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            double[] thresholds = new double[CATEGORY_BUDGETS.length];
            for (int b = 0; b < CATEGORY_BUDGETS.length; b++) {
                thresholds[b] = threshold(slice, category, fBetaRows, CATEGORY_BUDGETS[b]);
            }
            byBudget.put(category, thresholds);
        }
        List<Double> threats = Rows.of(slice, Category.VIOLENT, fBetaRows).threats();
        Map<Category, Double> best = null;
        double bestCatch = -1;
        double bestScore = -1;
        int n = CATEGORY_BUDGETS.length;
        for (int v = 0; v < n; v++) {
            double violent = byBudget.get(Category.VIOLENT)[v];
            double threatCatch = Math.min(MIN_THREAT_RECALL, ThresholdChooser.share(threats, violent));
            for (int r = 0; r < n; r++) {
                for (int x = 0; x < n; x++) {
                    Map<Category, Double> candidate = new EnumMap<>(Map.of(Category.VIOLENT, violent,
                            Category.RACIST, byBudget.get(Category.RACIST)[r],
                            Category.SEXIST, byBudget.get(Category.SEXIST)[x]));
                    if (threatCatch < bestCatch
                            || cleanRowsWithAnyLabel(slice, candidate, Map.of()) > MAX_CLEAN_FLAGGED_ANY_LABEL) {
                        continue;
                    }
                    double score = meanFBeta(slice, candidate, fBetaRows);
                    if (threatCatch > bestCatch || score > bestScore) {
                        bestCatch = threatCatch;
                        bestScore = score;
                        best = candidate;
                    }
                }
            }
        }
        if (best == null) {
            // Even the smallest budgets flag too many clean rows: take them, and say so.
            best = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                best.put(category, byBudget.get(category)[n - 1]);
            }
            System.out.printf("  %s: no combination keeps clean rows with any label within %.2f%n", name,
                    MAX_CLEAN_FLAGGED_ANY_LABEL);
        }
        for (Category category : Category.values()) {
            describe(slice, name, category, best.get(category));
        }
        System.out.printf("  %s: mean F-beta %.3f, team-written clean rows with any label %.3f%n", name, bestScore,
                cleanRowsWithAnyLabel(slice, best, Map.of()));
        return best;
    }

    private static double threshold(List<SeedCrossValidation.ScoredRow> slice, Category category,
            Predicate<CorpusRecord> fBetaRows, double cleanBudget) {
        Rows rows = Rows.of(slice, category, fBetaRows);
        return ThresholdChooser.choose(rows.dev(), rows.clean(), F_BETA.get(category), cleanBudget, rows.threats(),
                MIN_THREAT_RECALL);
    }

    private static double meanFBeta(List<SeedCrossValidation.ScoredRow> slice, Map<Category, Double> thresholds,
            Predicate<CorpusRecord> fBetaRows) {
        double sum = 0;
        for (Category category : Category.values()) {
            BinaryMetrics m = BinaryMetrics.of(Rows.of(slice, category, fBetaRows).dev(), thresholds.get(category));
            if (m.truePositives() == 0) {
                continue;
            }
            double b2 = F_BETA.get(category) * F_BETA.get(category);
            sum += (1 + b2) * m.precision() * m.recall() / (b2 * m.precision() + m.recall());
        }
        return sum / Category.values().length;
    }

    private static void describe(List<SeedCrossValidation.ScoredRow> slice, String name, Category category,
            double threshold) {
        Rows rows = Rows.of(slice, category, row -> true);
        String caught = rows.threats().isEmpty() ? "" : String.format(", catches %.3f of %d team-written threats",
                ThresholdChooser.share(rows.threats(), threshold), rows.threats().size());
        System.out.printf("  %s %s threshold %.2f: flags %.3f of %d team-written clean rows%s%n", name, category,
                threshold, ThresholdChooser.share(rows.clean(), threshold), rows.clean().size(), caught);
    }

    /** One category's rows of a slice: those F-beta is measured on, team-written clean rows and threats. */
    private record Rows(List<Scored> dev, List<Double> clean, List<Double> threats) {

        static Rows of(List<SeedCrossValidation.ScoredRow> slice, Category category,
                Predicate<CorpusRecord> fBetaRows) {
            List<Scored> dev = new ArrayList<>();
            List<Double> clean = new ArrayList<>();
            List<Double> threats = new ArrayList<>();
            for (SeedCrossValidation.ScoredRow s : slice) {
                CorpusRecord row = s.row();
                if (!row.annotates(category)) {
                    continue;
                }
                double score = s.scores().get(category);
                if (fBetaRows.test(row)) {
                    dev.add(new Scored(score, row.has(category)));
                }
                if (isTeamWritten(row) && row.labels().isEmpty()) {
                    clean.add(score);
                }
                if (category == Category.VIOLENT && isTeamWritten(row) && row.has(Category.VIOLENT)) {
                    threats.add(score);
                }
            }
            return new Rows(dev, clean, threats);
        }
    }

    /** The share of team-written clean rows that get any label at these thresholds. */
    static double cleanRowsWithAnyLabel(List<SeedCrossValidation.ScoredRow> scored,
            Map<Category, Double> thresholds, Map<String, Map<Category, Double>> perLanguage) {
        int clean = 0;
        int flagged = 0;
        for (SeedCrossValidation.ScoredRow s : scored) {
            if (isTeamWritten(s.row()) && s.row().labels().isEmpty()) {
                clean++;
                Map<Category, Double> own = perLanguage.getOrDefault(s.row().lang(), thresholds);
                flagged += Arrays.stream(Category.values()).anyMatch(c -> s.scores().get(c) >= own.get(c)) ? 1 : 0;
            }
        }
        return clean == 0 ? 0 : (double) flagged / clean;
    }

    static boolean isTeamWritten(CorpusRecord row) {
        return TrainingSettings.SEED_SOURCE.equals(row.source()) || TrainingSettings.DEV_SOURCE.equals(row.source());
    }
}
