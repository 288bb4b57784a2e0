package org.vigil.classify.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.ScoringMode;
import org.vigil.classify.SentenceEmbedder;

/**
 * The classifier's cost in CPU time of one thread, which other processes on a busy machine do not inflate the
 * way they inflate JMH's wall-clock throughput: the lexical stage alone, and the fused and cascade paths with the
 * semantic stage (mean, median and p99 CPU time per mention); first, the sentence embedding model's load time and
 * the resident memory it adds outside the Java heap. Run: {@code ./mvnw -q test-compile exec:exec@bench-cpu}
 */
public final class CpuTimePerMention {

    private static final int LEXICAL_WARM_UP = 300_000;
    private static final int LEXICAL_MEASURED = 300_000;
    private static final int SEMANTIC_WARM_UP = 1_000;
    private static final int SEMANTIC_MEASURED = 4_000;

    private CpuTimePerMention() {
    }

    public static void main(String[] args) throws IOException {
        reportLoad();
        AbuseClassifier lexical = AbuseClassifier.withShippedModels(ScoringMode.LEXICAL);
        report("lexical stage, typical EN/FR mentions", lexical, BenchmarkMentions.TYPICAL, LEXICAL_WARM_UP,
                LEXICAL_MEASURED);
        report("lexical stage, mentions needing the language detector", lexical, BenchmarkMentions.OTHER_LANGUAGES,
                LEXICAL_WARM_UP, LEXICAL_MEASURED);
        report("fused path, typical EN/FR mentions", AbuseClassifier.withShippedModels(ScoringMode.FUSED),
                BenchmarkMentions.TYPICAL, SEMANTIC_WARM_UP, SEMANTIC_MEASURED);
        report("cascade path, typical EN/FR mentions", AbuseClassifier.withShippedModels(ScoringMode.CASCADE),
                BenchmarkMentions.TYPICAL, SEMANTIC_WARM_UP, SEMANTIC_MEASURED);
    }

    private static void reportLoad() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long rssBefore = residentKb();
        long heapBefore = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        long start = System.nanoTime();
        SentenceEmbedder.shared().embed("warm up");
        long millis = (System.nanoTime() - start) / 1_000_000;
        long javaKb = (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()
                - heapBefore) / 1024;
        long rssKb = residentKb() - rssBefore;
        System.out.printf("sentence embedding model: loaded and first call in %d ms; resident memory +%d MB, of which"
                + " outside the Java heap and metaspace about %d MB%n", millis, rssKb / 1024, (rssKb - javaKb) / 1024);
    }

    private static long residentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    }

    /** Mean CPU time per mention over the whole run; per call (for the median and p99) only where calls take ms. */
    private static void report(String name, AbuseClassifier classifier, List<String> mentions, int warmUp,
            int measured) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long labels = 0;
        for (int i = 0; i < warmUp; i++) {
            labels += classifier.classify(mentions.get(i % mentions.size()), Optional.empty()).labels().size();
        }
        boolean perCall = measured < LEXICAL_MEASURED; // timing each 30 us call would add its own cost
        long[] nanos = new long[perCall ? measured : 0];
        long start = threads.getCurrentThreadCpuTime();
        long previous = start;
        for (int i = 0; i < measured; i++) {
            labels += classifier.classify(mentions.get(i % mentions.size()), Optional.empty()).labels().size();
            if (perCall) {
                long now = threads.getCurrentThreadCpuTime();
                nanos[i] = now - previous;
                previous = now;
            }
        }
        double nanosPerMention = (double) (threads.getCurrentThreadCpuTime() - start) / measured;
        String distribution = "";
        if (perCall) {
            Arrays.sort(nanos);
            distribution = String.format(" (median %.1f, p99 %.1f)", nanos[measured / 2] / 1e3,
                    nanos[(int) (measured * 0.99)] / 1e3);
        }
        System.out.printf("%s: %.1f us CPU per mention%s, %.0f mentions/s per core (%d labels)%n", name,
                nanosPerMention / 1_000, distribution, 1e9 / nanosPerMention, labels);
    }
}
