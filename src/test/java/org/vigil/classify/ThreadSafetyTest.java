package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * In the style of Apache OpenNLP's ThreadSafetyBenchmarkIT: many threads, released together, share one
 * classifier, and every answer must equal the single-threaded answer for the same text; in each scoring mode
 * (fused and cascade share one sentence embedding session across threads).
 */
class ThreadSafetyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 8;
    private static final List<String> TEXTS = List.of(
            "They know where you park every night.",
            "Your kids would hate what comes after this.",
            "Resign today, you dishonest coward.",
            "you s l u t",
            "gonna k1ll u 🔪",
            "Les immigrés sont de la vermine, dehors !",
            "On connaît ta rue et ta porte.",
            "Immigration is the top issue in this town.",
            "",
            "😀😀😀",
            "https://example.org",
            "Tu vas le regretter, toi et ta famille.");

    @ParameterizedTest
    @EnumSource(ScoringMode.class)
    void manyThreadsGetExactlyTheSingleThreadedAnswers(ScoringMode mode) throws Exception {
        AbuseClassifier classifier = mode == ScoringMode.FUSED ? ShippedModels.CLASSIFIER
                : AbuseClassifier.withShippedModels(mode);
        List<Classification> expected = new ArrayList<>();
        for (String text : TEXTS) {
            expected.add(classifier.classify(text, Optional.empty()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Classification>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Classification> answers = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < TEXTS.size(); i++) {
                            int index = (i + offset) % TEXTS.size(); // threads hit different texts at the same time
                            answers.add(classifier.classify(TEXTS.get(index), Optional.empty()));
                        }
                    }
                    return answers;
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<Classification> answers = futures.get(t).get(2, TimeUnit.MINUTES);
                for (int k = 0; k < answers.size(); k++) {
                    int index = (k % TEXTS.size() + t) % TEXTS.size();
                    assertThat(answers.get(k)).isEqualTo(expected.get(index));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
