package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The frozen held-out set stays exactly as it was written (its SHA-256 is recorded beside it and in the model
 * card), is large and balanced enough to measure on, and holds every kind of clean mention the model must leave
 * alone.
 */
class FrozenHeldOutSetTest {

    static final Path HOLDOUT = Path.of("training/holdout");
    private static final Path SUMS = HOLDOUT.resolve("SHA256SUMS");
    private static final Path MODEL_CARD = Path.of("models/MODEL_CARD.md");

    @Test
    void everyFrozenFileStillHasTheRecordedSha256() throws Exception {
        List<String> lines = Files.readAllLines(SUMS);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] hashAndName = line.split("\\s+\\*?");
            assertThat(sha256(HOLDOUT.resolve(hashAndName[1]))).as(hashAndName[1]).isEqualTo(hashAndName[0]);
        }
        assertThat(Files.list(HOLDOUT).filter(f -> f.toString().endsWith(".jsonl")).count())
                .as("every held-out file is recorded").isEqualTo(lines.size());
    }

    @Test
    void theModelCardQuotesTheRecordedSha256s() throws IOException {
        String card = Files.readString(MODEL_CARD);
        for (String line : Files.readAllLines(SUMS)) {
            assertThat(card).contains(line.split("\\s+")[0]);
        }
    }

    @Test
    void holdsAtLeast300MpDirectedMentionsInBothLanguagesWithAtLeastAsManyCleanAsAbusive() {
        List<CorpusRecord> rows = Corpus.read(List.of(HOLDOUT));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300)
                .allMatch(r -> Corpus.TEST.equals(r.split()) && "vigil-frozen".equals(r.source()));
        Map<String, Long> byLanguage = rows.stream().collect(Collectors.groupingBy(CorpusRecord::lang,
                Collectors.counting()));
        assertThat(byLanguage.keySet()).containsExactlyInAnyOrder("en", "fr");
        for (String lang : byLanguage.keySet()) {
            long clean = rows.stream().filter(r -> r.lang().equals(lang) && r.labels().isEmpty()).count();
            assertThat(clean).as(lang).isGreaterThanOrEqualTo(byLanguage.get(lang) - clean);
        }
    }

    @Test
    void coversEveryCleanKindTheModelMustLeaveAloneInBothLanguages() {
        List<CorpusRecord> rows = Corpus.read(List.of(HOLDOUT));
        for (String lang : List.of("en", "fr")) {
            assertThat(rows.stream().filter(r -> r.lang().equals(lang) && r.labels().isEmpty())
                    .map(CorpusRecord::kind).distinct())
                    .as(lang).contains("criticism", "sarcasm", "counter", "news", "request", "identity");
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
