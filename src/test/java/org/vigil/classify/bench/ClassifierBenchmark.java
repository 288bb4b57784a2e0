package org.vigil.classify.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Classification;
import org.vigil.classify.ScoringMode;
import org.vigil.classify.training.Corpus;
import org.vigil.classify.training.CorpusRecord;

/**
 * Mentions per second through the lexical stage (normalise, detect the language, score three categories, explain)
 * and through the full path with the semantic stage (fused, and cascade), and the full path's time per mention
 * (sample mode, for its p99); beside them, on the same texts in the same run, a plain OpenNLP bag-of-words document
 * categorizer (simple tokenizer, one maxent model over VIOLENT / RACIST / SEXIST / CLEAN, trained on the seed set
 * at setup), so the ratios can be compared across machines.
 * Run: {@code ./mvnw -q test-compile exec:exec@bench} (results in the model card and BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 8, time = 3)
public class ClassifierBenchmark {

    private AbuseClassifier lexical;
    private AbuseClassifier fused;
    private AbuseClassifier cascade;
    private DocumentCategorizerME bagOfWords;
    private int next;
    private int nextFused;
    private int nextCascade;
    private int nextOther;
    private int nextBaseline;

    @Setup
    public void load() throws IOException {
        lexical = AbuseClassifier.withShippedModels(ScoringMode.LEXICAL);
        fused = AbuseClassifier.withShippedModels(ScoringMode.FUSED);
        cascade = AbuseClassifier.withShippedModels(ScoringMode.CASCADE);
        List<DocumentSample> samples = Corpus.read(List.of(Path.of("training/seed"))).stream()
                .map(row -> new DocumentSample(outcome(row), SimpleTokenizer.INSTANCE.tokenize(row.text()))).toList();
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                parameters, new DoccatFactory());
        bagOfWords = new DocumentCategorizerME(model);
    }

    private static String outcome(CorpusRecord row) {
        return row.labels().isEmpty() ? "CLEAN" : row.labels().get(0);
    }

    @Benchmark
    public Classification lexicalStage() {
        String text = BenchmarkMentions.TYPICAL.get(next);
        next = (next + 1) % BenchmarkMentions.TYPICAL.size();
        return lexical.classify(text, Optional.empty());
    }

    @Benchmark
    public Classification fusedPath() {
        String text = BenchmarkMentions.TYPICAL.get(nextFused);
        nextFused = (nextFused + 1) % BenchmarkMentions.TYPICAL.size();
        return fused.classify(text, Optional.empty());
    }

    /** The same work as {@link #fusedPath()}, timed call by call for the latency distribution (p99). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Classification fusedPathLatency() {
        return fusedPath();
    }

    @Benchmark
    public Classification cascadePath() {
        String text = BenchmarkMentions.TYPICAL.get(nextCascade);
        nextCascade = (nextCascade + 1) % BenchmarkMentions.TYPICAL.size();
        return cascade.classify(text, Optional.empty());
    }

    @Benchmark
    public double[] plainOpenNlpBagOfWordsBaseline() {
        String text = BenchmarkMentions.TYPICAL.get(nextBaseline);
        nextBaseline = (nextBaseline + 1) % BenchmarkMentions.TYPICAL.size();
        return bagOfWords.categorize(SimpleTokenizer.INSTANCE.tokenize(text));
    }

    @Benchmark
    public Classification classifyMentionNeedingTheLanguageDetector() {
        String text = BenchmarkMentions.OTHER_LANGUAGES.get(nextOther);
        nextOther = (nextOther + 1) % BenchmarkMentions.OTHER_LANGUAGES.size();
        return lexical.classify(text, Optional.empty());
    }
}
