package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.Classification;
import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * The figures a model version is judged by, as a flat map so two versions and the recorded floors line up key
 * by key: {@code VIOLENT.fr.recall}, {@code SEXIST.all.rocAuc}, {@code macroF1.en},
 * {@code anyLabel.all.cleanFlagged}. Rows go through the service path (language detected, labels at the shipped
 * thresholds); slices are by the row's own language. Counts stand beside the shares ({@code VIOLENT.en.truePositives},
 * {@code anyLabel.en.cleanRowsFlagged}), so a rule that allows a fall of 0.02 or two more flags can be judged on the
 * counts rather than on shares rounded for printing. Beside each ROC-AUC stands DeLong's standard error
 * ({@code RACIST.en.rocAucSe}), so a target missed or met by less than it reads as such.
 */
public final class QualityFigures {

    public static final String ALL = "all";
    /** Suffix of figures that must stay low (a share of clean rows flagged); every other figure must stay high. */
    public static final String CLEAN_FLAGGED = "cleanFlagged";

    private QualityFigures() {
    }

    public static Map<String, Double> of(AbuseClassifier classifier, List<CorpusRecord> rows) {
        return of(rows, Classifications.of(classifier, rows));
    }

    /** The figures of rows already classified ({@code results} in row order). */
    static Map<String, Double> of(List<CorpusRecord> rows, List<Classification> results) {
        Map<String, Double> figures = new TreeMap<>();
        TreeSet<String> slices = new TreeSet<>();
        slices.add(ALL);
        rows.forEach(row -> slices.add(row.lang()));
        for (String slice : slices) {
            double f1Sum = 0;
            int categoriesWithPositives = 0;
            for (Category category : Category.values()) {
                List<Scored> scored = new ArrayList<>();
                List<Boolean> flagged = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    CorpusRecord row = rows.get(i);
                    if (row.annotates(category) && inSlice(row, slice)) {
                        scored.add(new Scored(results.get(i).scores().get(category), row.has(category)));
                        flagged.add(results.get(i).labels().contains(category));
                    }
                }
                if (scored.isEmpty()) {
                    continue;
                }
                BinaryMetrics m = BinaryMetrics.ofDecisions(scored, flagged, Double.NaN);
                String key = category + "." + slice + ".";
                figures.put(key + "rows", (double) m.rows());
                figures.put(key + "positives", (double) m.positives());
                figures.put(key + "truePositives", (double) m.truePositives());
                figures.put(key + "rocAuc", m.rocAuc());
                figures.put(key + "rocAucSe", BinaryMetrics.rocAucStandardError(scored));
                figures.put(key + "precision", m.precision());
                figures.put(key + "recall", m.recall());
                figures.put(key + "f1", m.f1());
                figures.put(key + CLEAN_FLAGGED, m.cleanFlagged());
                if (m.positives() > 0) {
                    f1Sum += m.f1();
                    categoriesWithPositives++;
                }
            }
            if (categoriesWithPositives > 0) {
                figures.put("macroF1." + slice, f1Sum / categoriesWithPositives);
            }
            putAnyLabelCleanFlagged(figures, rows, results, slice);
        }
        return figures;
    }

    /** How many rows known clean in every category there are, how many got any label, and that share. */
    private static void putAnyLabelCleanFlagged(Map<String, Double> figures, List<CorpusRecord> rows,
            List<Classification> results, String slice) {
        int clean = 0;
        int flagged = 0;
        for (int i = 0; i < rows.size(); i++) {
            CorpusRecord row = rows.get(i);
            if (inSlice(row, slice) && isCleanInEveryCategory(row)) {
                clean++;
                flagged += results.get(i).labels().isEmpty() ? 0 : 1;
            }
        }
        if (clean > 0) {
            String key = "anyLabel." + slice + ".";
            figures.put(key + "cleanRows", (double) clean);
            figures.put(key + "cleanRowsFlagged", (double) flagged);
            figures.put(key + CLEAN_FLAGGED, (double) flagged / clean);
        }
    }

    private static boolean isCleanInEveryCategory(CorpusRecord row) {
        for (Category category : Category.values()) {
            if (!row.annotates(category) || row.has(category)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inSlice(CorpusRecord row, String slice) {
        return ALL.equals(slice) || slice.equals(row.lang());
    }
}
