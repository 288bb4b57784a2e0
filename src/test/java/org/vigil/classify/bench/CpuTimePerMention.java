package org.vigil.classify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;

import org.vigil.classify.AbuseClassifier;

/**
 * The full path's cost in CPU time of one thread, which other processes on a busy machine do not inflate the
 * way they inflate JMH's wall-clock throughput. Run: {@code ./mvnw -q test-compile exec:exec@bench-cpu}
 */
public final class CpuTimePerMention {

    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 300_000;

    private CpuTimePerMention() {
    }

    public static void main(String[] args) {
        AbuseClassifier classifier = AbuseClassifier.withShippedModels();
        report("typical EN/FR mentions", classifier, BenchmarkMentions.TYPICAL);
        report("mentions needing the language detector", classifier, BenchmarkMentions.OTHER_LANGUAGES);
    }

    private static void report(String name, AbuseClassifier classifier, List<String> mentions) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long labels = run(classifier, mentions, WARM_UP);
        long start = threads.getCurrentThreadCpuTime();
        labels += run(classifier, mentions, MEASURED);
        double nanosPerMention = (double) (threads.getCurrentThreadCpuTime() - start) / MEASURED;
        System.out.printf("%s: %.1f us CPU per mention, %.0f mentions/s per core (%d labels)%n", name,
                nanosPerMention / 1_000, 1e9 / nanosPerMention, labels);
    }

    private static long run(AbuseClassifier classifier, List<String> mentions, int count) {
        long labels = 0;
        for (int i = 0; i < count; i++) {
            labels += classifier.classify(mentions.get(i % mentions.size()), Optional.empty()).labels().size();
        }
        return labels;
    }
}
