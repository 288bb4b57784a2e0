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
 * caller's rows for F-beta, team-written clean rows (dev split and out-of-fold seed rows) for the budget of clean flags,
 * team-written threats for VIOLENT's recall target. Budgets are tried from the largest down until at most 5% of
 * the team-written clean rows get any label.
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
     * negation, idioms) may get any label: the target for clean mentions.
     */
    private static final double MAX_CLEAN_FLAGGED_ANY_LABEL = 0.05;
    /** Per-category budgets of clean flags tried, largest first, until the any-label share meets its target. */
    private static final double[] CATEGORY_BUDGETS = {0.05, 0.04, 0.03, 0.025, 0.02, 0.015, 0.01};
    /** VIOLENT must catch this share of the team-written threats against MPs (the target). */
    private static final double MIN_THREAT_RECALL = 0.90;
    private static final List<String> LANGUAGES_WITH_OWN_THRESHOLDS = List.of("en", "fr");

    /**
     * Chooses the operating point on these scored rows, printing every step; {@code fBetaRows} are the rows the
     * F-beta score is measured on.
     */
    static OperatingPoint choose(List<SeedCrossValidation.ScoredRow> scored, Predicate<CorpusRecord> fBetaRows) {
        Map<Category, Double> thresholds = Map.of();
        Map<String, Map<Category, Double>> perLanguage = new LinkedHashMap<>();
        for (double budget : CATEGORY_BUDGETS) {
            System.out.printf("per-category budget of clean flags %.3f:%n", budget);
            thresholds = chooseThresholds(scored, "all languages", row -> true, fBetaRows, budget);
            for (String lang : LANGUAGES_WITH_OWN_THRESHOLDS) {
                perLanguage.put(lang, chooseThresholds(scored, lang, row -> lang.equals(row.lang()), fBetaRows,
                        budget));
            }
            double anyLabel = cleanRowsWithAnyLabel(scored, thresholds, perLanguage);
            System.out.printf("  team-written clean rows with any label: %.3f%n", anyLabel);
            if (anyLabel <= MAX_CLEAN_FLAGGED_ANY_LABEL) {
                break;
            }
        }
        return new OperatingPoint(thresholds, perLanguage);
    }

    private static Map<Category, Double> chooseThresholds(List<SeedCrossValidation.ScoredRow> scored, String name,
            Predicate<CorpusRecord> inSlice, Predicate<CorpusRecord> fBetaRows, double cleanBudget) {
        Map<Category, Double> thresholds = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<Scored> dev = new ArrayList<>();
            List<Double> clean = new ArrayList<>();
            List<Double> threats = new ArrayList<>();
            for (SeedCrossValidation.ScoredRow s : scored) {
                CorpusRecord row = s.row();
                if (!inSlice.test(row) || !row.annotates(category)) {
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
            double threshold = ThresholdChooser.choose(dev, clean, F_BETA.get(category), cleanBudget, threats,
                    MIN_THREAT_RECALL);
            thresholds.put(category, threshold);
            String caught = threats.isEmpty() ? "" : String.format(", catches %.3f of %d team-written threats",
                    ThresholdChooser.share(threats, threshold), threats.size());
            System.out.printf("  %s %s threshold %.2f: flags %.3f of %d team-written clean rows%s%n", name, category,
                    threshold, ThresholdChooser.share(clean, threshold), clean.size(), caught);
        }
        return thresholds;
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
