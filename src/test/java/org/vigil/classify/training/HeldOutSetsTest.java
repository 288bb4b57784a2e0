package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freezing drops near-copies unread and names rows as the card and tests expect; retiring makes training rows. */
class HeldOutSetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAINING_ROW = "the library van reaches the upper valley villages every second thursday";
    private static final List<String> DRAFTS = List.of(
            draft("draft-000", "en", "request", "[]",
                    "Could your office chase the council about the broken streetlight outside number twelve?"),
            draft("draft-001", "en", "criticism", "[]",
                    "The Library van reaches the upper valley villages every second Thursday!!"),
            draft("draft-002", "fr", "threat", "[\"VIOLENT\"]",
                    "On viendra brûler ta permanence avant les élections, tu peux compter là-dessus."),
            draft("draft-003", "fr", "threat", "[\"VIOLENT\"]",
                    "On viendra brûler ta permanence avant les élections, tu peux compter dessus."),
            draft("draft-004", "en", "mixed", "[\"SEXIST\", \"VIOLENT\", \"RACIST\"]",
                    "Send her packing to wherever she came from and let the lads sort her out after dark."));

    @TempDir
    Path dir;

    @Test
    void dropsDraftsThatNearlyCopyOtherRowsOrAnEarlierDraftAndNamesTheRest() throws Exception {
        Path drafts = write("drafts.jsonl", DRAFTS);
        Path training = write("training.jsonl", List.of(JSON.writeValueAsString(Map.of("id", "vigil-seed:x-1",
                "source", "vigil-seed", "lang", "en", "text", TRAINING_ROW, "labels", List.of()))));
        Path out = dir.resolve("frozen.jsonl");

        HeldOutSets.Frozen frozen = HeldOutSets.freeze(drafts, "v7", out, List.of(training));

        assertThat(frozen.droppedDrafts()).containsExactly("draft-001", "draft-003");
        assertThat(frozen.keptByKind()).containsExactlyInAnyOrderEntriesOf(Map.of("request", 1, "threat", 1,
                "mixed", 1));
        List<JsonNode> rows = rows(out);
        assertThat(rows).extracting(row -> row.get("id").asText().replaceAll("-\\d{3}$", ""))
                .containsExactlyInAnyOrder("vigil-frozen:v7-request-en", "vigil-frozen:v7-threat-fr",
                        "vigil-frozen:v7-mixed-en");
        assertThat(rows).extracting(row -> row.get("id").asText().substring(row.get("id").asText().length() - 3))
                .containsExactly("000", "001", "002");
        JsonNode mixed = rows.stream().filter(row -> row.get("id").asText().contains("mixed")).findFirst()
                .orElseThrow();
        assertThat(mixed.get("labels").toString()).isEqualTo("[\"VIOLENT\",\"RACIST\",\"SEXIST\"]");
        assertThat(mixed.get("offensive").asBoolean()).isTrue();
        assertThat(mixed.get("split").asText()).isEqualTo(Corpus.TEST);
        assertThat(mixed.get("source").asText()).isEqualTo("vigil-frozen");
        assertThat(mixed.get("meta").get("author").asText())
                .isEqualTo("Vigil team (written for the frozen held-out set v7)");
        assertThat(frozen.sha256()).isEqualTo(FrozenHeldOutSetTest.sha256(out));
        assertThat(Files.readString(out)).contains("{\"id\": \"vigil-frozen:v7-");
    }

    @Test
    void freezingTheSameDraftsTwiceWritesTheSameBytes() throws IOException {
        Path drafts = write("drafts.jsonl", DRAFTS);
        HeldOutSets.Frozen first = HeldOutSets.freeze(drafts, "v7", dir.resolve("a.jsonl"), List.of());
        HeldOutSets.Frozen second = HeldOutSets.freeze(drafts, "v7", dir.resolve("b.jsonl"), List.of());

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(HeldOutSets.freeze(drafts, "v8", dir.resolve("c.jsonl"), List.of()).sha256())
                .as("another set number shuffles differently").isNotEqualTo(first.sha256());
    }

    @Test
    void refusesADraftWithAnUnknownLabelOrNoText() throws IOException {
        Path unknown = write("unknown.jsonl", List.of(draft("draft-009", "en", "threat", "[\"HOMOPHOBIC\"]",
                "You will regret the day you voted for the harbour bill.")));
        Path empty = write("empty.jsonl", List.of(draft("draft-010", "en", "request", "[]", " ")));

        assertThatThrownBy(() -> HeldOutSets.freeze(unknown, "v7", dir.resolve("x.jsonl"), List.of()))
                .hasMessageContaining("draft-009").hasMessageContaining("HOMOPHOBIC");
        assertThatThrownBy(() -> HeldOutSets.freeze(empty, "v7", dir.resolve("y.jsonl"), List.of()))
                .hasMessageContaining("draft-010 has no text");
        assertThatThrownBy(() -> HeldOutSets.freeze(unknown, "seven", dir.resolve("z.jsonl"), List.of()))
                .hasMessageContaining("v<number>");
    }

    @Test
    void retiringKeepsTextAndLabelsAndLetsTheRowIdChooseItsSplit() throws IOException {
        Path frozen = dir.resolve("frozen.jsonl");
        HeldOutSets.freeze(write("drafts.jsonl", DRAFTS), "v7", frozen, List.of());
        Path retired = dir.resolve("retired.jsonl");

        HeldOutSets.retire(frozen, retired, "Vigil team (held-out set v7, retired in a test)");

        List<JsonNode> before = rows(frozen);
        List<JsonNode> after = rows(retired);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).get("id").asText())
                    .isEqualTo(before.get(i).get("id").asText().replace("vigil-frozen:", "vigil-seed:frozen-"));
            assertThat(after.get(i).get("text")).isEqualTo(before.get(i).get("text"));
            assertThat(after.get(i).get("labels")).isEqualTo(before.get(i).get("labels"));
            assertThat(after.get(i).get("source").asText()).isEqualTo(TrainingSettings.SEED_SOURCE);
            assertThat(after.get(i).get("split").isNull()).isTrue();
            assertThat(after.get(i).get("meta").get("author").asText())
                    .isEqualTo("Vigil team (held-out set v7, retired in a test)");
        }
        assertThat(Corpus.read(List.of(retired))).allSatisfy(row -> assertThat(row.split())
                .isEqualTo(switch (Corpus.bucket(row.id()) / 10) {
                    case 8 -> Corpus.DEV;
                    case 9 -> Corpus.TEST;
                    default -> Corpus.TRAIN;
                }));
        assertThatThrownBy(() -> HeldOutSets.retire(retired, dir.resolve("again.jsonl"), "anyone"))
                .hasMessageContaining("is not a frozen held-out row");
    }

    private static String draft(String id, String lang, String kind, String labels, String text) {
        return "{\"id\": \"%s\", \"lang\": \"%s\", \"kind\": \"%s\", \"labels\": %s, \"text\": \"%s\"}"
                .formatted(id, lang, kind, labels, text);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
