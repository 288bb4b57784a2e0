package org.vigil.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.FeatureExtractor;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.MaxentModelFiles;
import org.vigil.classify.ModelBundle;
import org.vigil.classify.ModelManifest;
import org.vigil.classify.TextNormalizer;

/**
 * Trains one two-outcome OpenNLP maxent model per category with the quasi-Newton (L-BFGS) trainer, which,
 * unlike GIS, is not slowed by long documents and regularises rare features. Each category learns only from
 * rows that annotate it. Team-written seed rows are repeated {@code seedWeight} times, because a few hundred
 * sentences must hold their own against tens of thousands of corpus rows.
 */
public final class ModelTrainer {

    public static final String POSITIVE = "yes";
    public static final String NEGATIVE = "no";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor featureExtractor;
    private final TrainingSettings settings;

    public ModelTrainer(TrainingSettings settings) {
        this(settings, new FeatureExtractor());
    }

    public ModelTrainer(TrainingSettings settings, FeatureExtractor featureExtractor) {
        this.settings = settings;
        this.featureExtractor = featureExtractor;
    }

    public Map<Category, AbstractModel> train(List<CorpusRecord> rows) {
        List<String[]> features = new ArrayList<>(rows.size());
        for (CorpusRecord row : rows) {
            features.add(featuresOf(row));
        }
        Map<Category, AbstractModel> models = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                CorpusRecord row = rows.get(i);
                if (!row.annotates(category)) {
                    continue;
                }
                Event event = new Event(row.has(category) ? POSITIVE : NEGATIVE, features.get(i));
                int copies = TrainingSettings.SEED_SOURCE.equals(row.source()) ? settings.seedWeight() : 1;
                for (int c = 0; c < copies; c++) {
                    events.add(event);
                }
            }
            models.put(category, trainOne(events));
        }
        return models;
    }

    /** A classifier over freshly trained models, every threshold at 0.5: for scoring during training. */
    static AbuseClassifier classifierOf(Map<Category, AbstractModel> models, LanguageIdentifier languages,
            FeatureExtractor features) {
        Map<Category, Map<String, Double>> weights = new EnumMap<>(Category.class);
        models.forEach((category, model) -> weights.put(category, MaxentModelFiles.logOddsWeights(model, POSITIVE)));
        ModelManifest manifest = new ModelManifest("in-training", "", TrainingSettings.SEED, "", Map.of(),
                Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5), POSITIVE, Map.of());
        return new AbuseClassifier(ModelBundle.of(manifest, weights), languages, features, 0);
    }

    public String[] featuresOf(CorpusRecord row) {
        return featureExtractor.features(normalizer.tokens(row.text()), row.lang());
    }

    private AbstractModel trainOne(List<Event> events) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put("L1Cost", settings.l1Cost());
        params.put("L2Cost", settings.l2Cost());
        params.put("Threads", settings.threads());
        params.put("DataIndexer", "OnePass");
        params.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        try {
            return (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training failed", e);
        }
    }
}
