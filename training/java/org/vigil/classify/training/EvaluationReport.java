package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.Classification;
import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * Scores rows through the full service path (language detected, not taken from the row) and reports, per
 * category, on all rows that annotate it and on slices by language and source, plus how often the
 * team-written clean political criticism is flagged.
 */
public final class EvaluationReport {

    /** One line of the report: a category on a slice of rows. */
    public record Line(Category category, String slice, BinaryMetrics metrics) {
    }

    /** How often a kind of team-written row (seed or held-out) is flagged with any label, or with VIOLENT. */
    public record KindRate(int rows, int flaggedAny, int flaggedViolent, double flaggedAnyRate) {
    }

    private final String split;
    private final String modelVersion;
    private final List<Line> lines;
    private final Map<String, KindRate> kinds;

    private EvaluationReport(String split, String modelVersion, List<Line> lines, Map<String, KindRate> kinds) {
        this.split = split;
        this.modelVersion = modelVersion;
        this.lines = lines;
        this.kinds = kinds;
    }

    public static EvaluationReport of(AbuseClassifier classifier, List<CorpusRecord> rows, String split) {
        return of(classifier.modelVersion(), rows, Classifications.of(classifier, rows), split);
    }

    /** The report of rows a model version already classified ({@code results} in row order). */
    static EvaluationReport of(String modelVersion, List<CorpusRecord> rows, List<Classification> results,
            String split) {
        List<Line> lines = new ArrayList<>();
        for (Category category : Category.values()) {
            addSlices(lines, category, rows, results, row -> "all");
            addSlices(lines, category, rows, results, row -> "lang=" + row.lang());
            addSlices(lines, category, rows, results, row -> "source=" + row.source());
        }
        return new EvaluationReport(split, modelVersion, lines, kinds(rows, results));
    }

    private static void addSlices(List<Line> lines, Category category, List<CorpusRecord> rows,
            List<Classification> results, Function<CorpusRecord, String> sliceOf) {
        Map<String, List<Scored>> slices = new TreeMap<>();
        Map<String, List<Boolean>> flagged = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CorpusRecord row = rows.get(i);
            if (row.annotates(category)) {
                String slice = sliceOf.apply(row);
                slices.computeIfAbsent(slice, s -> new ArrayList<>())
                        .add(new Scored(results.get(i).scores().get(category), row.has(category)));
                flagged.computeIfAbsent(slice, s -> new ArrayList<>()).add(results.get(i).labels().contains(category));
            }
        }
        slices.forEach((slice, scored) -> lines.add(new Line(category, slice,
                BinaryMetrics.ofDecisions(scored, flagged.get(slice), Double.NaN))));
    }

    private static Map<String, KindRate> kinds(List<CorpusRecord> rows, List<Classification> results) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CorpusRecord row = rows.get(i);
            if (!row.kind().isEmpty()) {
                int[] c = counts.computeIfAbsent(row.kind() + "/" + row.lang(), k -> new int[3]);
                c[0]++;
                c[1] += results.get(i).labels().isEmpty() ? 0 : 1;
                c[2] += results.get(i).labels().contains(Category.VIOLENT) ? 1 : 0;
            }
        }
        Map<String, KindRate> rates = new LinkedHashMap<>();
        counts.forEach((kind, c) -> rates.put(kind, new KindRate(c[0], c[1], c[2], (double) c[1] / c[0])));
        return rates;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("split=%s model=%s%n", split, modelVersion));
        out.append(String.format("%-8s %-24s %6s %5s %5s %6s %6s %6s %7s %6s %5s %5s %6s %5s%n", "category",
                "slice", "rows", "pos", "thr", "prec", "recall", "F1", "ROC-AUC", "PR-AUC", "TP", "FP", "TN", "FN"));
        for (Line line : lines) {
            BinaryMetrics m = line.metrics();
            out.append(String.format("%-8s %-24s %6d %5d %5.2f %6.3f %6.3f %6.3f %7.3f %6.3f %5d %5d %6d %5d%n",
                    line.category(), line.slice(), m.rows(), m.positives(), m.threshold(), m.precision(),
                    m.recall(), m.f1(), m.rocAuc(), m.prAuc(), m.truePositives(), m.falsePositives(),
                    m.trueNegatives(), m.falseNegatives()));
        }
        out.append(kindTable());
        return out.toString();
    }

    /** How often each kind of row (team-written kinds, suite functionalities) is flagged, per language. */
    public String kindTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nrows flagged, by kind/lang (%s):%n", modelVersion));
        kinds.forEach((kind, r) -> out.append(String.format("  %-22s rows=%4d flaggedAny=%4d (%.3f)"
                + " flaggedViolent=%4d%n", kind, r.rows(), r.flaggedAny(), r.flaggedAnyRate(), r.flaggedViolent())));
        return out.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("split", split);
        root.put("modelVersion", modelVersion);
        root.put("metrics", lines);
        root.put("kinds", kinds);
        try {
            return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serialisable", e);
        }
    }
}
