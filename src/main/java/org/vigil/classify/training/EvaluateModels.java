package org.vigil.classify.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.ModelBundle;

/**
 * Evaluates the shipped models: {@code ./mvnw -q compile exec:java@evaluate -Dcorpus=../shared/corpus -Dsplit=test}
 * (held-out team-written set: {@code -Dcorpus=training/holdout -Dseeds=-}).
 * Arguments: comma-separated JSON-lines files or directories, the seed directory (or "-" for none), the split
 * to report (train, dev, test, or all for every row), and optionally the models directory (default: the
 * models on the classpath). Prints a table, then the same figures as one JSON object on the last line.
 */
public final class EvaluateModels {

    private EvaluateModels() {
    }

    public static void main(String[] args) {
        List<Path> inputs = new ArrayList<>(Arrays.stream(args[0].split(",")).map(Path::of).toList());
        if (!"-".equals(args[1])) {
            inputs.add(Path.of(args[1]));
        }
        String split = args[2];
        ModelBundle models = args.length > 3 ? ModelBundle.fromDirectory(Path.of(args[3])) : ModelBundle.fromClasspath();
        AbuseClassifier classifier = new AbuseClassifier(models, LanguageIdentifier.fromClasspath(), 5);
        List<CorpusRecord> rows = Corpus.read(inputs).stream()
                .filter(r -> "all".equals(split) || split.equals(r.split())).toList();
        EvaluationReport report = EvaluationReport.of(classifier, rows, split, models.manifest().thresholds());
        System.out.print(report.table());
        System.out.println(report.json());
    }
}
