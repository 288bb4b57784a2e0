package org.vigil.classify.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import opennlp.tools.ml.model.AbstractModel;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.MaxentModelFiles;
import org.vigil.classify.ModelBundle;
import org.vigil.classify.ModelManifest;
import org.vigil.classify.training.BinaryMetrics.Scored;

/**
 * Trains the shipped models: {@code ./mvnw -q compile exec:java@train -Dcorpus=../shared/corpus}.
 * Arguments: corpus directory, seed directory, output directory. Trains on the train split, chooses each
 * threshold on the dev split, writes the models and {@code manifest.json}, and prints the dev report.
 */
public final class TrainModels {

    /** F-beta where no recall target applies; VIOLENT favours recall (a missed threat costs more). */
    private static final Map<Category, Double> F_BETA = Map.of(Category.VIOLENT, 2.0, Category.RACIST, 1.0,
            Category.SEXIST, 1.0);
    /** At most this share of the clean seed rows that must stay unflagged may be flagged, per category. */
    private static final double MAX_CRITICISM_FLAGGED = 0.05;
    /** Seed kinds that must stay unflagged: harsh political criticism, and mentions of a group by name. */
    private static final Set<String> MUST_STAY_CLEAN = Set.of("political", "neutral");
    /** VIOLENT must catch this share of the dev split's team-written threats against MPs (the target). */
    private static final double MIN_THREAT_RECALL = 0.90;
    private static final String THREAT = "threat";

    private TrainModels() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path seed = Path.of(args[1]);
        Path out = Path.of(args[2]);
        List<CorpusRecord> rows = Corpus.read(List.of(corpus, seed));
        List<CorpusRecord> train = rows.stream().filter(r -> Corpus.TRAIN.equals(r.split())).toList();
        List<CorpusRecord> dev = rows.stream().filter(r -> Corpus.DEV.equals(r.split())).toList();
        System.out.printf("rows=%d train=%d dev=%d%n", rows.size(), train.size(), dev.size());

        TrainingSettings settings = TrainingSettings.shipped();
        long start = System.nanoTime();
        Map<Category, AbstractModel> models = new ModelTrainer(settings).train(train);
        System.out.printf("trained in %d s%n", (System.nanoTime() - start) / 1_000_000_000L);

        Map<Category, byte[]> files = new EnumMap<>(Category.class);
        Map<Category, Map<String, Double>> weights = new EnumMap<>(Category.class);
        for (Map.Entry<Category, AbstractModel> entry : models.entrySet()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MaxentModelFiles.write(entry.getValue(), bytes);
            files.put(entry.getKey(), bytes.toByteArray());
            weights.put(entry.getKey(), MaxentModelFiles.logOddsWeights(entry.getValue(), ModelTrainer.POSITIVE));
        }

        LanguageIdentifier languages = LanguageIdentifier.fromClasspath();
        ModelManifest provisional = manifest(files, settings, Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5,
                Category.SEXIST, 0.5));
        AbuseClassifier devClassifier = new AbuseClassifier(ModelBundle.of(provisional, weights), languages, 5);
        List<SeedCrossValidation.ScoredRow> outOfFold = SeedCrossValidation.outOfFold(train, settings, languages);
        Map<Category, Double> thresholds = chooseThresholds(devClassifier, dev, outOfFold);
        ModelManifest manifest = manifest(files, settings, thresholds);

        Files.createDirectories(out);
        for (Category category : Category.values()) {
            Files.write(out.resolve(manifest.files().get(category)), files.get(category));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve(ModelManifest.FILE_NAME).toFile(), manifest);
        System.out.printf("wrote %s, version %s, thresholds %s%n", out, manifest.modelVersion(), thresholds);

        AbuseClassifier shipped = new AbuseClassifier(ModelBundle.of(manifest, weights), languages, 5);
        System.out.print(EvaluationReport.of(shipped, dev, Corpus.DEV).table());
    }

    /**
     * Thresholds from the dev split's rows, with the team-written rows that must be caught or must stay clean
     * taken from both the dev split and the out-of-fold scores of the train split's seed rows.
     */
    private static Map<Category, Double> chooseThresholds(AbuseClassifier classifier, List<CorpusRecord> dev,
            List<SeedCrossValidation.ScoredRow> outOfFold) {
        Map<Category, List<Scored>> scored = new EnumMap<>(Category.class);
        Map<Category, List<Double>> criticism = new EnumMap<>(Category.class);
        List<Double> threats = new ArrayList<>();
        for (Category category : Category.values()) {
            scored.put(category, new ArrayList<>());
            criticism.put(category, new ArrayList<>());
        }
        List<SeedCrossValidation.ScoredRow> teamRows = new ArrayList<>(outOfFold);
        for (CorpusRecord row : dev) {
            Map<Category, Double> scores = classifier.classify(row.text(), Optional.empty()).scores();
            for (Category category : Category.values()) {
                if (row.annotates(category)) {
                    scored.get(category).add(new Scored(scores.get(category), row.has(category)));
                }
            }
            teamRows.add(new SeedCrossValidation.ScoredRow(row, scores));
        }
        for (SeedCrossValidation.ScoredRow team : teamRows) {
            for (Category category : Category.values()) {
                if (MUST_STAY_CLEAN.contains(team.row().kind())) {
                    criticism.get(category).add(team.scores().get(category));
                }
            }
            if (THREAT.equals(team.row().kind())) {
                threats.add(team.scores().get(Category.VIOLENT));
            }
        }
        System.out.printf("threshold choice on %d team-written threats and %d rows that must stay clean%n",
                threats.size(), criticism.get(Category.VIOLENT).size());
        Map<Category, Double> thresholds = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<Double> mustCatch = category == Category.VIOLENT ? threats : List.of();
            double threshold = ThresholdChooser.choose(scored.get(category), criticism.get(category),
                    F_BETA.get(category), MAX_CRITICISM_FLAGGED, mustCatch, MIN_THREAT_RECALL);
            thresholds.put(category, threshold);
            String caught = mustCatch.isEmpty() ? "" : String.format(", catches %.3f of team-written threats",
                    ThresholdChooser.share(mustCatch, threshold));
            System.out.printf("%s threshold %.2f: flags %.3f of team-written criticism/neutral rows%s%n", category,
                    threshold, ThresholdChooser.share(criticism.get(category), threshold), caught);
        }
        return thresholds;
    }

    private static ModelManifest manifest(Map<Category, byte[]> files, TrainingSettings settings,
            Map<Category, Double> thresholds) {
        Map<Category, String> names = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            names.put(category, category.name().toLowerCase(Locale.ROOT) + ".bin.gz");
        }
        String version = "abuse-" + LocalDate.now(ZoneOffset.UTC) + "-" + digest(files, thresholds);
        return new ModelManifest(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                TrainingSettings.SEED, settings.describe(), names, thresholds, ModelTrainer.POSITIVE);
    }

    /** First 8 hex digits of the SHA-256 of the models and thresholds: the same training, the same suffix. */
    private static String digest(Map<Category, byte[]> files, Map<Category, Double> thresholds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.values().forEach(sha::update);
            sha.update(thresholds.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
