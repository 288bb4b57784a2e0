package org.vigil.classify.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import opennlp.tools.ml.model.AbstractModel;

import org.vigil.classify.Category;
import org.vigil.classify.FeatureExtractor;
import org.vigil.classify.LanguageIdentifier;

/**
 * What each HurtLex category adds, measured on development data only:
 * {@code ./mvnw -q test-compile exec:java@lexicon-ablation -Dcorpus=../shared/corpus}. Trains the shipped
 * feature set alone, with each HurtLex category added on its own, and with all of them, and prints dev ROC-AUC
 * per category and language. Arguments: corpus, seed, team-written dev, frozen held-out (to drop its near-copies
 * from training, as {@link TrainModels} does) and lexicon directories, then the HurtLex categories to try,
 * comma-separated ({@code -Dcategories=ps,an}).
 */
public final class LexiconAblation {

    private LexiconAblation() {
    }

    public static void main(String[] args) {
        List<CorpusRecord> rows = Corpus.read(List.of(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
        List<CorpusRecord> train = TrainModels.withoutNearCopiesOf(Corpus.read(List.of(Path.of(args[3]))),
                rows.stream().filter(r -> Corpus.TRAIN.equals(r.split())).toList());
        List<CorpusRecord> dev = rows.stream().filter(r -> Corpus.DEV.equals(r.split())).toList();
        Path lexicons = Path.of(args[4]);
        List<String> categories = List.of(args[5].split(","));

        Map<String, Set<String>> variants = new LinkedHashMap<>();
        variants.put("none", Set.of());
        categories.forEach(c -> variants.put("+" + c, Set.of(c)));
        variants.put("+all", Set.copyOf(categories));

        LanguageIdentifier languages = LanguageIdentifier.fromClasspath();
        Map<String, Double> baseline = null;
        for (Map.Entry<String, Set<String>> variant : variants.entrySet()) {
            HurtLex lexicon = HurtLex.read(lexicons, variant.getValue());
            FeatureExtractor features = new FeatureExtractor(lexicon.wordLists());
            Map<Category, AbstractModel> models = new ModelTrainer(TrainingSettings.shipped(), features).train(train);
            Map<String, Double> figures = QualityFigures.of(ModelTrainer.classifierOf(models, languages, features), dev);
            if (baseline == null) {
                baseline = figures;
            }
            System.out.printf("%-6s words=%5d", variant.getKey(), lexicon.size());
            for (Category category : Category.values()) {
                for (String lang : List.of("en", "fr")) {
                    String key = category + "." + lang + ".rocAuc";
                    System.out.printf("  %s.%s AUC %.3f (%+.3f)", category.name().substring(0, 3), lang,
                            figures.get(key), figures.get(key) - baseline.get(key));
                }
            }
            System.out.println();
        }
    }
}
