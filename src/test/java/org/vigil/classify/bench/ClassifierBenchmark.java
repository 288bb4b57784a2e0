package org.vigil.classify.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

/**
 * Mentions per second through the full path: normalise, detect the language, score three categories, explain.
 * Run: {@code ./mvnw -q test-compile exec:exec@bench} (results in the model card).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {

    private AbuseClassifier classifier;
    private int next;
    private int nextOther;

    @Setup
    public void load() {
        classifier = AbuseClassifier.withShippedModels();
    }

    @Benchmark
    public Classification classifyOneMention() {
        String text = BenchmarkMentions.TYPICAL.get(next);
        next = (next + 1) % BenchmarkMentions.TYPICAL.size();
        return classifier.classify(text, Optional.empty());
    }

    @Benchmark
    public Classification classifyMentionNeedingTheLanguageDetector() {
        String text = BenchmarkMentions.OTHER_LANGUAGES.get(nextOther);
        nextOther = (nextOther + 1) % BenchmarkMentions.OTHER_LANGUAGES.size();
        return classifier.classify(text, Optional.empty());
    }
}
