package org.vigil.classify.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.FeatureExtractor;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.ModelBundle;
import org.vigil.classify.ModelManifest;
import org.vigil.classify.ScoringMode;
import org.vigil.classify.SemanticModel;
import org.vigil.classify.SentenceEmbedder;
import org.vigil.classify.Sentences;
import org.vigil.classify.training.BinaryMetrics.Scored;
import org.vigil.classify.training.LogisticRegression.Example;
import org.vigil.classify.training.LogisticRegression.Fit;

/**
 * Adds the semantic stage to the lexical model in a models directory:
 * {@code ./mvnw -q test-compile exec:java@train-semantic -Dcorpus=../shared/corpus} (after {@code train}, whose
 * manifest it extends). Arguments: corpus directory, seed directory, team-written dev directory, frozen held-out
 * directory, models directory (read and written), embedding cache directory.
 *
 * <ol>
 * <li>Rows: every seed train row, and from each corpus source's train split (English and French rows only; minus
 * near-copies of frozen rows) the first {@value #PER_SOURCE_AND_CLASS} rows with a label and the first
 * {@value #PER_SOURCE_AND_CLASS} without, in the order of a CRC32 of the row id (deterministic; each source
 * counts the same, which also keeps the large Gab and Twitter sources from drowning the rest). The corpus dev
 * split is sampled the same way with {@value #PER_SOURCE_AND_CLASS_DEV} per class.</li>
 * <li>One weighted L2 logistic regression per category on the embeddings of the rows annotating it; seed rows
 * weigh one of {@link #SEED_WEIGHTS} per category, the one whose fused score (at its best share, below) gives the
 * best recall of MP-directed development rows at {@value #SHARE_CLEAN_BUDGET} of their clean rows flagged (the
 * smaller weight wins ties, and recalls within {@value #RECALL_TIE} of each other tie).</li>
 * <li>Fusion statistics (mean, standard deviation of each stage's log-odds) on the corpus dev sample; each
 * category's semantic share (of {@link #SEMANTIC_SHARES}) by the recall of MP-directed development rows it gives at
 * {@value #SHARE_CLEAN_BUDGET} of their clean rows flagged (shares 0 and 1, lexical and semantic alone, are printed
 * for comparison).</li>
 * <li>Fused thresholds with the lexical model's rule ({@link OperatingPoint}) on MP-directed development rows
 * only: out-of-fold seed rows of both splits (the lexical stage's folds, whole sets each, as in {@code train}; the
 * semantic stage refitted without the fold) and the rest of the team-written dev set. Never the general corpus,
 * never the frozen set.</li>
 * <li>The cascade band: the narrowest of {@link #CASCADE_BANDS} whose labels differ from the fused labels on at
 * most {@value #MAX_CASCADE_DISAGREEMENT} of those rows.</li>
 * </ol>
 * Writes {@code semantic.json} and a manifest naming it, under a version whose hash covers both stages, and prints
 * what each stage gives on the development rows.
 */
public final class TrainSemanticStage {

    static final int PER_SOURCE_AND_CLASS = 1200;
    static final int PER_SOURCE_AND_CLASS_DEV = 300;
    /** Weights of team-written seed rows tried per category (10 was the only one before the third round). */
    static final double[] SEED_WEIGHTS = {10, 30, 100};
    static final double L2 = 1.0;
    static final double[] CASCADE_BANDS = {0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0};
    static final double MAX_CASCADE_DISAGREEMENT = 0.01;
    /**
     * Recalls closer than this tie: on the few hundred positive development rows of a category one standard error
     * of recall is about 0.02, and a heavier seed weight bent to a smaller difference fits the regression to a few
     * thousand team-written rows (the seventh round's weight of 100 taught it that "I will kill you, coward" was
     * criticism).
     */
    static final double RECALL_TIE = 0.01;
    /**
     * Categories where the semantic stage may only raise the lexical log-odds. A threat the words show plainly is
     * not argued away by the sentence's meaning: embeddings put counter-speech and angry criticism close to
     * threats, and the seventh round's regression pulled "I will kill you, coward" below the threshold.
     */
    static final Set<Category> RAISE_ONLY = EnumSet.of(Category.VIOLENT);
    /** Semantic shares tried per category; the plain average (one half) wins ties. */
    static final double[] SEMANTIC_SHARES = {0.5, 0.25, 0.75};
    /** The share is chosen by the recall it gives at this share of team-written clean rows flagged. */
    static final double SHARE_CLEAN_BUDGET = 0.02;
    static final String FILE_NAME = "semantic.json";
    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    /** A development row with both stages' log-odds (by category ordinal). */
    record StageScores(CorpusRecord row, double[] lexical, double[] semantic) {
    }

    /** The regressions fitted with one seed weight, and the development rows scored by them. */
    private record WeightedFit(double seedWeight, Map<Category, Fit> fits, List<StageScores> corpusDev,
            List<StageScores> mpDev) {
    }

    /** A category's fusion weights and the recall they give on MP-directed development rows. */
    private record Choice(SemanticModel.CategoryWeights weights, double recall) {
    }

    private TrainSemanticStage() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path models = Path.of(args[4]);
        List<CorpusRecord> rows = Corpus.read(List.of(corpus, Path.of(args[1]), Path.of(args[2])));
        List<CorpusRecord> train = TrainModels.withoutNearCopiesOf(Corpus.read(List.of(Path.of(args[3]))),
                rows.stream().filter(r -> Corpus.TRAIN.equals(r.split())).toList());
        List<CorpusRecord> seedTrain = train.stream().filter(OperatingPoint::isTeamWritten).toList();
        List<CorpusRecord> corpusTrain = sample(train.stream().filter(r -> !OperatingPoint.isTeamWritten(r))
                .toList(), PER_SOURCE_AND_CLASS);
        List<CorpusRecord> corpusDev = sample(rows.stream().filter(r -> Corpus.DEV.equals(r.split())
                && !OperatingPoint.isTeamWritten(r)).toList(), PER_SOURCE_AND_CLASS_DEV);
        List<CorpusRecord> teamDev = rows.stream().filter(r -> Corpus.DEV.equals(r.split())
                && OperatingPoint.isTeamWritten(r)).toList();
        // Seed rows of either split are scored out of fold; only the rest of the team dev set by the whole fit.
        List<CorpusRecord> seedDev = teamDev.stream().filter(SeedCrossValidation::isSeed).toList();
        List<CorpusRecord> seedScored = new ArrayList<>(seedTrain);
        seedScored.addAll(seedDev);
        List<CorpusRecord> devScored = teamDev.stream().filter(r -> !SeedCrossValidation.isSeed(r)).toList();
        List<CorpusRecord> fitRows = new ArrayList<>(corpusTrain);
        fitRows.addAll(seedTrain);
        System.out.printf("semantic training rows: corpus %d, seed %d; dev rows: corpus %d, team %d%n",
                corpusTrain.size(), seedTrain.size(), corpusDev.size(), teamDev.size());

        List<String> texts = new ArrayList<>();
        fitRows.forEach(r -> texts.add(r.text()));
        corpusDev.forEach(r -> texts.add(r.text()));
        teamDev.forEach(r -> texts.add(r.text()));
        // Rows are scored as the service scores them: the whole text and each of its sentences (see Sentences).
        for (List<CorpusRecord> scoredRows : List.of(seedTrain, corpusDev, teamDev)) {
            scoredRows.forEach(r -> texts.addAll(Sentences.of(r.text())));
        }
        Map<String, float[]> vectors = EmbeddingCache.open(Files.createDirectories(Path.of(args[5]))).embed(texts);

        ModelBundle lexicalBundle = ModelBundle.fromDirectory(models);
        ModelManifest lexicalManifest = lexicalBundle.manifest();
        LanguageIdentifier languages = LanguageIdentifier.fromClasspath();
        AbuseClassifier lexical = new AbuseClassifier(lexicalBundle, languages, new FeatureExtractor(), 0,
                ScoringMode.LEXICAL);
        Map<String, double[]> lexicalById = lexicalOutOfFold(train, seedDev, models, lexicalManifest,
                Path.of(args[5]), languages);
        Map<CorpusRecord, double[]> lexicalDev = new LinkedHashMap<>();
        for (CorpusRecord r : corpusDev) {
            lexicalDev.put(r, lexicalLogOdds(lexical.classify(r.text(), Optional.empty()).scores()));
        }
        for (CorpusRecord r : devScored) {
            lexicalDev.put(r, lexicalLogOdds(lexical.classify(r.text(), Optional.empty()).scores()));
        }

        List<WeightedFit> candidates = new ArrayList<>();
        for (double seedWeight : SEED_WEIGHTS) {
            Map<Category, Fit> fits = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                fits.put(category, LogisticRegression.fit(examples(fitRows, category, vectors, seedWeight), L2,
                        null));
            }
            List<StageScores> mpDev = new ArrayList<>(devScored.stream().map(r -> new StageScores(r,
                    lexicalDev.get(r), semanticLogOdds(fits, r.text(), vectors))).toList());
            mpDev.addAll(seedOutOfFold(lexicalById, seedScored, fitRows, fits, vectors, seedWeight));
            candidates.add(new WeightedFit(seedWeight, fits, corpusDev.stream().map(r -> new StageScores(r,
                    lexicalDev.get(r), semanticLogOdds(fits, r.text(), vectors))).toList(), mpDev));
            System.out.printf("fitted with seed weight %.0f%n", seedWeight);
        }

        Map<Category, SemanticModel.CategoryWeights> weights = new EnumMap<>(Category.class);
        Map<Category, WeightedFit> chosen = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            int c = category.ordinal();
            Choice best = null;
            for (WeightedFit candidate : candidates) {
                List<StageScores> annotated = candidate.corpusDev().stream()
                        .filter(s -> s.row().annotates(category)).toList();
                double[] lex = annotated.stream().mapToDouble(s -> s.lexical()[c]).toArray();
                double[] sem = annotated.stream().mapToDouble(s -> s.semantic()[c]).toArray();
                Fit fit = candidate.fits().get(category);
                float[] w = new float[fit.weights().length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) fit.weights()[i];
                }
                System.out.printf("%s with seed weight %.0f:%n", category, candidate.seedWeight());
                Choice choice = chooseShare(category, new SemanticModel.CategoryWeights(w, fit.bias(), mean(lex),
                        sd(lex), mean(sem), sd(sem), 0.5, RAISE_ONLY.contains(category)), candidate.mpDev());
                if (best == null || choice.recall() > best.recall() + RECALL_TIE) {
                    best = choice;
                    chosen.put(category, candidate);
                }
            }
            weights.put(category, best.weights());
            System.out.printf("%s: seed weight %.0f, semantic share %.2f%n", category,
                    chosen.get(category).seedWeight(), best.weights().semanticShare());
        }
        List<StageScores> mpDev = combined(chosen, WeightedFit::mpDev);
        List<StageScores> corpusDevScores = combined(chosen, WeightedFit::corpusDev);
        Map<Category, Double> half = Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5);
        SemanticModel provisional = new SemanticModel(SentenceEmbedder.MODEL_NAME, weights, half, Map.of(), 0);
        OperatingPoint point = OperatingPoint.choose(scored(mpDev, s -> fused(provisional, s)),
                OperatingPoint::isTeamWritten);
        SemanticModel withThresholds = new SemanticModel(SentenceEmbedder.MODEL_NAME, weights, point.thresholds(),
                point.perLanguage(), 0);
        double band = cascadeBand(withThresholds, mpDev);
        SemanticModel semantic = new SemanticModel(SentenceEmbedder.MODEL_NAME, weights, point.thresholds(),
                point.perLanguage(), band);

        ObjectMapper json = new ObjectMapper();
        byte[] semanticBytes = json.writeValueAsString(semantic).getBytes(StandardCharsets.UTF_8);
        Files.write(models.resolve(FILE_NAME), semanticBytes);
        ModelManifest manifest = lexicalManifest.withSemantic(version(models, lexicalManifest, semanticBytes),
                FILE_NAME);
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(models.resolve(ModelManifest.FILE_NAME).toFile(),
                manifest);
        System.out.printf("wrote %s and %s, version %s, fused thresholds %s, per language %s, cascade band %.2f%n",
                FILE_NAME, ModelManifest.FILE_NAME, manifest.modelVersion(), point.thresholds(),
                point.perLanguage(), band);

        System.out.printf("%nMP-directed development rows (out-of-fold seed + team dev, %d rows)%n", mpDev.size());
        report(mpDev, semantic, lexicalManifest);
        System.out.printf("%ncorpus development sample (%d rows)%n", corpusDevScores.size());
        report(corpusDevScores, semantic, lexicalManifest);
    }

    private static Choice chooseShare(Category category, SemanticModel.CategoryWeights plain,
            List<StageScores> mpDev) {
        int c = category.ordinal();
        SemanticModel.CategoryWeights best = plain;
        double bestRecall = -1;
        for (double share : new double[] {0, 1, 0.5, 0.25, 0.75}) {
            SemanticModel.CategoryWeights w = new SemanticModel.CategoryWeights(plain.weights(), plain.bias(),
                    plain.lexicalMean(), plain.lexicalSd(), plain.semanticMean(), plain.semanticSd(), share,
                    plain.raiseOnly());
            List<Double> positives = new ArrayList<>();
            List<Double> clean = new ArrayList<>();
            for (StageScores s : mpDev) {
                if (s.row().annotates(category)) {
                    double fused = w.fuse(s.lexical()[c], s.semantic()[c]);
                    (s.row().has(category) ? positives : clean).add(fused);
                }
            }
            double recall = recallAtCleanBudget(positives, clean, SHARE_CLEAN_BUDGET);
            boolean candidate = Arrays.stream(SEMANTIC_SHARES).anyMatch(x -> x == share);
            System.out.printf("%s semantic share %.2f: recall %.3f at %.2f of clean rows flagged%s%n", category, share,
                    recall, SHARE_CLEAN_BUDGET, candidate ? "" : " (for comparison)");
            if (candidate && recall > bestRecall + RECALL_TIE) {
                bestRecall = recall;
                best = w;
            }
        }
        return new Choice(best, bestRecall);
    }

    /** Each category's scores from the fit chosen for it (rows are in the same order in every fit). */
    private static List<StageScores> combined(Map<Category, WeightedFit> chosen,
            Function<WeightedFit, List<StageScores>> rows) {
        List<StageScores> first = rows.apply(chosen.get(Category.VIOLENT));
        List<StageScores> combined = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            double[] semantic = new double[Category.values().length];
            for (Category category : Category.values()) {
                semantic[category.ordinal()] = rows.apply(chosen.get(category)).get(i).semantic()[category.ordinal()];
            }
            combined.add(new StageScores(first.get(i).row(), first.get(i).lexical(), semantic));
        }
        return combined;
    }

    /** Share of positives scoring above the highest score that keeps at most {@code budget} of clean rows flagged. */
    static double recallAtCleanBudget(List<Double> positives, List<Double> clean, double budget) {
        List<Double> descending = clean.stream().sorted(Comparator.reverseOrder()).toList();
        int allowed = (int) Math.floor(budget * descending.size());
        double bar = allowed < descending.size() ? descending.get(allowed) : Double.NEGATIVE_INFINITY;
        return positives.isEmpty() ? 0 : (double) positives.stream().filter(p -> p > bar).count() / positives.size();
    }

    /** Up to {@code perClass} rows with a label and as many without, per source, English and French only. */
    static List<CorpusRecord> sample(List<CorpusRecord> rows, int perClass) {
        Map<String, List<CorpusRecord>> bySourceAndClass = rows.stream()
                .filter(r -> LANGUAGES.contains(r.lang()))
                .collect(Collectors.groupingBy(r -> r.source() + "/" + !r.labels().isEmpty(), TreeMap::new,
                        Collectors.toList()));
        List<CorpusRecord> sample = new ArrayList<>();
        for (List<CorpusRecord> group : bySourceAndClass.values()) {
            group.stream().sorted(Comparator.comparingLong((CorpusRecord r) -> crc(r.id())).thenComparing(
                    CorpusRecord::id)).limit(perClass).forEach(sample::add);
        }
        return sample;
    }

    private static long crc(String id) {
        CRC32 crc = new CRC32();
        crc.update(("semantic:" + id).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static List<Example> examples(List<CorpusRecord> rows, Category category, Map<String, float[]> vectors,
            double seedWeight) {
        return rows.stream().filter(r -> r.annotates(category)).map(r -> new Example(vectors.get(r.text()),
                r.has(category), OperatingPoint.isTeamWritten(r) ? seedWeight : 1)).toList();
    }

    /**
     * The lexical stage's out-of-fold log-odds of the seed rows of {@code train} and {@code seedDev} by row id,
     * kept in the cache directory under the lexical model's hash and the folds' name: a second run does not retrain
     * the folds.
     */
    private static Map<String, double[]> lexicalOutOfFold(List<CorpusRecord> train, List<CorpusRecord> seedDev,
            Path models, ModelManifest lexical, Path cacheDirectory, LanguageIdentifier languages) throws IOException {
        Path cached = cacheDirectory.resolve("lexical-out-of-fold-by-set-" + lexicalDigest(models, lexical)
                + ".json");
        ObjectMapper json = new ObjectMapper();
        if (Files.exists(cached)) {
            return json.readValue(cached.toFile(), new TypeReference<LinkedHashMap<String, double[]>>() { });
        }
        Map<String, double[]> lexicalById = new LinkedHashMap<>();
        SeedCrossValidation.outOfFold(train, seedDev, TrainingSettings.shipped(), languages)
                .forEach(s -> lexicalById.put(s.row().id(), lexicalLogOdds(s.scores())));
        json.writeValue(cached.toFile(), lexicalById);
        return lexicalById;
    }

    /** Out-of-fold scores of the seed rows from both stages, in the lexical stage's folds. */
    private static List<StageScores> seedOutOfFold(Map<String, double[]> lexicalById, List<CorpusRecord> seedRows,
            List<CorpusRecord> fitRows, Map<Category, Fit> fits, Map<String, float[]> vectors, double seedWeight) {
        List<StageScores> scored = new ArrayList<>();
        for (int fold = 0; fold < SeedCrossValidation.FOLDS; fold++) {
            int heldOut = fold;
            List<CorpusRecord> without = fitRows.stream()
                    .filter(r -> !SeedCrossValidation.isSeedInFold(r, heldOut)).toList();
            Map<Category, Fit> foldFits = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                foldFits.put(category, LogisticRegression.fit(examples(without, category, vectors, seedWeight),
                        L2, fits.get(category)));
            }
            seedRows.stream().filter(r -> SeedCrossValidation.isSeedInFold(r, heldOut)).forEach(r -> scored.add(
                    new StageScores(r, lexicalById.get(r.id()), semanticLogOdds(foldFits, r.text(), vectors))));
            System.out.printf("semantic fold %d of %d done%n", fold + 1, SeedCrossValidation.FOLDS);
        }
        return scored;
    }

    private static double[] lexicalLogOdds(Map<Category, Double> scores) {
        double[] logOdds = new double[Category.values().length];
        for (Category category : Category.values()) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, scores.get(category)));
            logOdds[category.ordinal()] = Math.log(p / (1 - p));
        }
        return logOdds;
    }

    /** Per category, the highest log-odds of the whole text and of each of its sentences, as the service scores. */
    private static double[] semanticLogOdds(Map<Category, Fit> fits, String text, Map<String, float[]> vectors) {
        double[] logOdds = semanticLogOdds(fits, vectors.get(text));
        for (String sentence : Sentences.of(text)) {
            AbuseClassifier.maxInto(logOdds, semanticLogOdds(fits, vectors.get(sentence)));
        }
        return logOdds;
    }

    private static double[] semanticLogOdds(Map<Category, Fit> fits, float[] vector) {
        double[] logOdds = new double[Category.values().length];
        fits.forEach((category, fit) -> logOdds[category.ordinal()] = fit.logOdds(vector));
        return logOdds;
    }

    private static double[] fused(SemanticModel model, StageScores s) {
        return model.fuse(s.lexical(), s.semantic());
    }

    private static double[] cascade(SemanticModel model, StageScores s) {
        return model.uncertain(s.lexical(), s.row().lang()) ? fused(model, s) : s.lexical();
    }

    private static List<SeedCrossValidation.ScoredRow> scored(List<StageScores> rows,
            Function<StageScores, double[]> logOdds) {
        return rows.stream().map(s -> {
            double[] l = logOdds.apply(s);
            Map<Category, Double> scores = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                scores.put(category, 1 / (1 + Math.exp(-l[category.ordinal()])));
            }
            return new SeedCrossValidation.ScoredRow(s.row(), scores);
        }).toList();
    }

    private static double cascadeBand(SemanticModel model, List<StageScores> rows) {
        for (double band : CASCADE_BANDS) {
            SemanticModel banded = new SemanticModel(model.embeddingModel(), model.categories(), model.thresholds(),
                    model.languageThresholds(), band);
            int differ = 0;
            int ran = 0;
            for (StageScores s : rows) {
                boolean uncertain = banded.uncertain(s.lexical(), s.row().lang());
                ran += uncertain ? 1 : 0;
                if (!labels(banded, cascade(banded, s), s.row().lang())
                        .equals(labels(banded, fused(banded, s), s.row().lang()))) {
                    differ++;
                }
            }
            System.out.printf("cascade band %.2f: semantic stage on %.3f of rows, labels differ from fused on %.3f%n",
                    band, (double) ran / rows.size(), (double) differ / rows.size());
            if ((double) differ / rows.size() <= MAX_CASCADE_DISAGREEMENT) {
                return band;
            }
        }
        return CASCADE_BANDS[CASCADE_BANDS.length - 1];
    }

    private static Set<Category> labels(SemanticModel model, double[] logOdds, String lang) {
        return Arrays.stream(Category.values())
                .filter(c -> 1 / (1 + Math.exp(-logOdds[c.ordinal()])) >= model.threshold(c, lang))
                .collect(Collectors.toSet());
    }

    /** ROC-AUC of each stage, and threshold figures of the lexical, fused and cascade decisions, per category. */
    private static void report(List<StageScores> rows, SemanticModel model, ModelManifest lexicalManifest) {
        System.out.printf("%-8s %-4s %5s %4s | %-24s | %-26s | %-26s | %-26s | %s%n", "category", "lang", "rows",
                "pos", "ROC-AUC lex/sem/fus/casc", "lexical P/R/F1/clean", "fused P/R/F1/clean",
                "cascade P/R/F1/clean", "cascade share");
        for (Category category : Category.values()) {
            for (String lang : List.of("all", "en", "fr")) {
                List<StageScores> slice = rows.stream().filter(s -> s.row().annotates(category)
                        && ("all".equals(lang) || lang.equals(s.row().lang()))).toList();
                if (slice.isEmpty()) {
                    continue;
                }
                int c = category.ordinal();
                BinaryMetrics lex = metrics(slice, category, s -> s.lexical()[c],
                        s -> lexicalManifest.threshold(category, s.row().lang()));
                BinaryMetrics sem = metrics(slice, category, s -> s.semantic()[c], s -> 1.0);
                BinaryMetrics fus = metrics(slice, category, s -> fused(model, s)[c],
                        s -> model.threshold(category, s.row().lang()));
                BinaryMetrics cas = metrics(slice, category, s -> cascade(model, s)[c],
                        s -> model.threshold(category, s.row().lang()));
                long ran = slice.stream().filter(s -> model.uncertain(s.lexical(), s.row().lang())).count();
                System.out.printf("%-8s %-4s %5d %4d | %.3f %.3f %.3f %.3f  | %s | %s | %s | %.3f%n", category, lang,
                        slice.size(), lex.positives(), lex.rocAuc(), sem.rocAuc(), fus.rocAuc(), cas.rocAuc(),
                        figures(lex), figures(fus), figures(cas), (double) ran / slice.size());
            }
        }
    }

    private static BinaryMetrics metrics(List<StageScores> slice, Category category,
            Function<StageScores, Double> logOdds, Function<StageScores, Double> threshold) {
        List<Scored> scored = new ArrayList<>();
        List<Boolean> flagged = new ArrayList<>();
        for (StageScores s : slice) {
            double score = 1 / (1 + Math.exp(-logOdds.apply(s)));
            scored.add(new Scored(score, s.row().has(category)));
            flagged.add(score >= threshold.apply(s));
        }
        return BinaryMetrics.ofDecisions(scored, flagged, Double.NaN);
    }

    private static String figures(BinaryMetrics m) {
        return String.format("%.3f %.3f %.3f %.3f", m.precision(), m.recall(), m.f1(), m.cleanFlagged());
    }

    private static String version(Path models, ModelManifest lexical, byte[] semanticBytes) throws IOException {
        return "abuse-" + LocalDate.now(ZoneOffset.UTC) + "-" + lexicalDigest(models, lexical, semanticBytes);
    }

    /** The hash of the lexical model files and thresholds, and of whatever else is given. */
    private static String lexicalDigest(Path models, ModelManifest lexical, byte[]... more) throws IOException {
        Map<Category, byte[]> files = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            files.put(category, Files.readAllBytes(models.resolve(lexical.files().get(category))));
        }
        Map<String, Map<Category, Double>> perLanguage = new TreeMap<>();
        lexical.languageThresholds().forEach((lang, t) -> perLanguage.put(lang, new EnumMap<>(t)));
        return TrainModels.digest(files, new EnumMap<>(lexical.thresholds()), perLanguage, more);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double sd(double[] values) {
        double m = mean(values);
        double variance = Arrays.stream(values).map(v -> (v - m) * (v - m)).average().orElse(1);
        return Math.sqrt(variance);
    }
}
