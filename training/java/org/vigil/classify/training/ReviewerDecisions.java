package org.vigil.classify.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vigil.classify.Category;

/**
 * Reviewers' decisions, exported by {@code export-decisions}, as training rows: the reviewer's categories are
 * gold for all three categories (a dismissed mention is clean for each), the language is the record's own.
 * A decision never enters training when it is about a mention of the frozen held-out set or of any development
 * or test row (the same text, or word-pair Jaccard of {@link NearDuplicates#LIMIT} or more), when it has no
 * text or language, or when it nearly copies another decision (copies that agree keep their first; copies
 * that disagree all go, since reviewers could not agree). Each decision used is repeated {@code weight} times.
 */
public final class ReviewerDecisions {

    /** The {@code source} that {@code export-decisions} writes. */
    public static final String SOURCE = "vigil-review";
    /**
     * Default times each decision counts. Decisions are gold, on real mentions of MPs, so one counts more
     * than a corpus row; but they are only what the live model put in front of reviewers (flags and near
     * misses, never the threats it missed entirely), so they count less than a team-written seed row (25).
     */
    public static final int DEFAULT_WEIGHT = 5;

    private static final List<String> ALL_CATEGORIES = Arrays.stream(Category.values()).map(Enum::name).toList();

    /** Why a decision was kept out of training. */
    public enum Exclusion {
        NO_TEXT_OR_LANGUAGE, HELD_OUT, DEVELOPMENT_OR_TEST, DUPLICATE, CONFLICTING_DUPLICATES
    }

    /** The decisions that may enter training, and how many were kept out, by reason. */
    public record Selection(List<CorpusRecord> used, Map<Exclusion, Integer> excluded) {

        /** The log line: how many were used, and how many kept out and why. */
        public String summary() {
            StringBuilder line = new StringBuilder("reviewers' decisions: used ").append(used.size());
            excluded.forEach((reason, count) -> line.append(", excluded ").append(count).append(' ')
                    .append(reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            return line.toString();
        }

        /** The training rows: each decision used, {@code weight} times. */
        public List<CorpusRecord> weighted(int weight) {
            if (weight < 1) {
                throw new IllegalArgumentException("the weight of reviewers' decisions must be 1 or more, not "
                        + weight);
            }
            List<CorpusRecord> rows = new ArrayList<>(used.size() * weight);
            for (CorpusRecord row : used) {
                for (int i = 0; i < weight; i++) {
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private ReviewerDecisions() {
    }

    /**
     * Adds to {@code train} the decisions in {@code file} ("-": none) that may enter training, each {@code weight}
     * times, and prints how many were used and kept out. {@code heldOut}: the frozen set;
     * {@code evaluation}: development and test rows.
     */
    static List<CorpusRecord> addTo(List<CorpusRecord> train, String file, int weight,
            List<CorpusRecord> heldOut, List<CorpusRecord> evaluation) {
        // Decisions enter only through this filter, even when an export was left inside the corpus directory.
        List<CorpusRecord> rows = new ArrayList<>(train.stream().filter(r -> !SOURCE.equals(r.source())).toList());
        if (rows.size() < train.size()) {
            System.out.printf("ignored %d reviewers' decisions found among the corpus files: pass them as "
                    + "-Ddecisions=<file>%n", train.size() - rows.size());
        }
        if ("-".equals(file)) {
            return rows;
        }
        Selection selection = select(Corpus.read(List.of(Path.of(file))), heldOut, evaluation);
        System.out.printf("%s (weight %d)%n", selection.summary(), weight);
        rows.addAll(selection.weighted(weight));
        return rows;
    }

    /** Which decisions may enter training; see the class description. */
    public static Selection select(List<CorpusRecord> decisions, List<CorpusRecord> heldOut,
            List<CorpusRecord> evaluation) {
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        List<CorpusRecord> candidates = new ArrayList<>();
        for (CorpusRecord decision : decisions) {
            if (isBlank(decision.text()) || isBlank(decision.lang())) {
                excluded.merge(Exclusion.NO_TEXT_OR_LANGUAGE, 1, Integer::sum);
            } else {
                candidates.add(decision);
            }
        }
        candidates = without(candidates, heldOut, Exclusion.HELD_OUT, excluded);
        candidates = without(candidates, evaluation, Exclusion.DEVELOPMENT_OR_TEST, excluded);
        return new Selection(withoutCopiesOfEachOther(candidates, excluded), excluded);
    }

    private static List<CorpusRecord> without(List<CorpusRecord> decisions, List<CorpusRecord> others,
            Exclusion reason, Map<Exclusion, Integer> excluded) {
        List<String> texts = decisions.stream().map(CorpusRecord::text).toList();
        Set<String> copies = new HashSet<>();
        NearDuplicates.between(texts, others.stream().map(CorpusRecord::text).toList())
                .forEach(pair -> copies.add(pair.left()));
        Set<String> exact = new HashSet<>();
        others.forEach(row -> exact.add(key(row.text())));
        List<CorpusRecord> kept = new ArrayList<>();
        for (CorpusRecord decision : decisions) {
            if (copies.contains(decision.text()) || exact.contains(key(decision.text()))) {
                excluded.merge(reason, 1, Integer::sum);
            } else {
                kept.add(decision);
            }
        }
        return kept;
    }

    /** Groups decisions that nearly copy each other; keeps the first of a group that agrees, none of one that does not. */
    private static List<CorpusRecord> withoutCopiesOfEachOther(List<CorpusRecord> decisions,
            Map<Exclusion, Integer> excluded) {
        Map<String, Integer> firstByText = new HashMap<>();
        int[] group = new int[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            group[i] = firstByText.computeIfAbsent(key(decisions.get(i).text()), text -> firstByText.size());
        }
        UnionFind groups = new UnionFind(firstByText.size());
        List<String> texts = decisions.stream().map(CorpusRecord::text).toList();
        for (NearDuplicates.Pair pair : NearDuplicates.between(texts, texts)) {
            groups.join(firstByText.get(key(pair.left())), firstByText.get(key(pair.right())));
        }
        Map<Integer, List<CorpusRecord>> members = new LinkedHashMap<>();
        for (int i = 0; i < decisions.size(); i++) {
            members.computeIfAbsent(groups.root(group[i]), g -> new ArrayList<>()).add(decisions.get(i));
        }
        List<CorpusRecord> kept = new ArrayList<>();
        for (List<CorpusRecord> copies : members.values()) {
            boolean agree = copies.stream().map(ReviewerDecisions::labels).distinct().count() == 1;
            if (agree) {
                kept.add(asTrainingRow(copies.get(0)));
                if (copies.size() > 1) {
                    excluded.merge(Exclusion.DUPLICATE, copies.size() - 1, Integer::sum);
                }
            } else {
                excluded.merge(Exclusion.CONFLICTING_DUPLICATES, copies.size(), Integer::sum);
            }
        }
        return kept;
    }

    /** The reviewer's labels, gold for every category, in the train split. */
    private static CorpusRecord asTrainingRow(CorpusRecord decision) {
        return new CorpusRecord(decision.id(), SOURCE, decision.lang().toLowerCase(Locale.ROOT), decision.text(),
                labels(decision).stream().sorted().toList(), ALL_CATEGORIES, Corpus.TRAIN, decision.meta());
    }

    private static Set<String> labels(CorpusRecord decision) {
        Set<String> labels = new HashSet<>();
        Collection<String> given = decision.labels() == null ? List.of() : decision.labels();
        for (String label : given) {
            if (ALL_CATEGORIES.contains(label)) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Disjoint sets over 0..n-1, for grouping copies. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void join(int a, int b) {
            parent[root(a)] = root(b);
        }
    }
}
