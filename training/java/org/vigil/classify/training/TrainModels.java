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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
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
import org.vigil.classify.FeatureFingerprint;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.MaxentModelFiles;
import org.vigil.classify.ModelBundle;
import org.vigil.classify.ModelManifest;

/**
 * Trains the shipped models: {@code ./mvnw -q test-compile exec:java@train -Dcorpus=../shared/corpus}.
 * Arguments: corpus directory, seed directory, team-written dev directory, frozen held-out directory, output
 * directory, and optionally a file of reviewers' decisions ("-": none; {@link ReviewerDecisions}) and their weight. Trains on the train split (minus any row that nearly copies a frozen held-out row), chooses the
 * thresholds on development data only (the corpus dev split, the team-written dev set and out-of-fold scores of
 * the seed rows), a default set and one per language, writes the models and {@code manifest.json}, and prints
 * the dev report. The frozen held-out set is read only to keep its near-copies out of training.
 */
public final class TrainModels {

    private TrainModels() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path seed = Path.of(args[1]);
        Path teamDev = Path.of(args[2]);
        Path frozen = Path.of(args[3]);
        Path out = Path.of(args[4]);
        List<CorpusRecord> rows = Corpus.read(List.of(corpus, seed, teamDev));
        List<CorpusRecord> frozenRows = Corpus.read(List.of(frozen));
        List<CorpusRecord> train = ReviewerDecisions.addTo(
                withoutNearCopiesOf(frozenRows, rows.stream().filter(r -> Corpus.TRAIN.equals(r.split())).toList()),
                args.length > 5 ? args[5] : "-", args.length > 6 ? Integer.parseInt(args[6])
                        : ReviewerDecisions.DEFAULT_WEIGHT,
                frozenRows, rows.stream().filter(r -> !Corpus.TRAIN.equals(r.split())).toList());
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
                Category.SEXIST, 0.5), Map.of());
        AbuseClassifier devClassifier = new AbuseClassifier(ModelBundle.of(provisional, weights), languages, 0);
        List<SeedCrossValidation.ScoredRow> scored = new ArrayList<>(
                SeedCrossValidation.outOfFold(train, dev, settings, languages));
        for (CorpusRecord row : dev.stream().filter(r -> !SeedCrossValidation.isSeed(r)).toList()) {
            scored.add(new SeedCrossValidation.ScoredRow(row, devClassifier.classify(row.text(), Optional.empty())
                    .scores()));
        }
        OperatingPoint operatingPoint = OperatingPoint.choose(scored, row -> Corpus.DEV.equals(row.split()));
        Map<Category, Double> thresholds = operatingPoint.thresholds();
        Map<String, Map<Category, Double>> perLanguage = operatingPoint.perLanguage();
        ModelManifest manifest = manifest(files, settings, thresholds, perLanguage);

        Files.createDirectories(out);
        for (Category category : Category.values()) {
            Files.write(out.resolve(manifest.files().get(category)), files.get(category));
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve(ModelManifest.FILE_NAME).toFile(), manifest);
        System.out.printf("wrote %s, version %s, thresholds %s, per language %s%n", out, manifest.modelVersion(),
                thresholds, perLanguage);

        AbuseClassifier shipped = new AbuseClassifier(ModelBundle.of(manifest, weights), languages, 0);
        System.out.print(EvaluationReport.of(shipped, dev, Corpus.DEV).table());
    }

    /** Training rows minus those that nearly copy a frozen held-out row (the corpus is not ours to vet by hand). */
    static List<CorpusRecord> withoutNearCopiesOf(List<CorpusRecord> frozen, List<CorpusRecord> train) {
        Set<String> copies = new HashSet<>();
        NearDuplicates.between(train.stream().map(CorpusRecord::text).toList(),
                frozen.stream().map(CorpusRecord::text).toList()).forEach(pair -> copies.add(pair.left()));
        System.out.printf("dropped %d training rows that nearly copy a frozen held-out row%n", copies.size());
        return train.stream().filter(row -> !copies.contains(row.text())).toList();
    }

    private static ModelManifest manifest(Map<Category, byte[]> files, TrainingSettings settings,
            Map<Category, Double> thresholds, Map<String, Map<Category, Double>> perLanguage) {
        Map<Category, String> names = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            names.put(category, category.name().toLowerCase(Locale.ROOT) + ".bin.gz");
        }
        String version = "abuse-" + LocalDate.now(ZoneOffset.UTC) + "-" + digest(files, thresholds, perLanguage);
        return new ModelManifest(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                TrainingSettings.SEED, settings.describe(), names, thresholds, ModelTrainer.POSITIVE, perLanguage, null,
                FeatureFingerprint.ofThisBuild(LanguageIdentifier.fromClasspath()));
    }

    /**
     * First 8 hex digits of the SHA-256 of the models and thresholds (and the semantic stage's file, when given):
     * the same training, the same suffix.
     */
    static String digest(Map<Category, byte[]> files, Map<Category, Double> thresholds,
            Map<String, Map<Category, Double>> perLanguage, byte[]... more) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.values().forEach(sha::update);
            sha.update(thresholds.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(perLanguage.toString().getBytes(StandardCharsets.UTF_8));
            Arrays.stream(more).forEach(sha::update);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
