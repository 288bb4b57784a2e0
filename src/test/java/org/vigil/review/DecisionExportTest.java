package org.vigil.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Queue;
import org.vigil.support.Webhooks;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.TriageWorker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviewers' decisions leave Vigil as corpus records, with the reviewer's categories as gold labels. */
@QuarkusTest
class DecisionExportTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;
    @Inject
    MpDirectory directory;
    @Inject
    ReviewService review;
    @Inject
    DecisionExport export;

    @Test
    void writesConfirmedCategoriesAsLabelsAndDismissalsAsClean() throws Exception {
        String handle = "@export_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        List<UUID> mentions = Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 3);
        Queue.itemsOf(dataSource, mentions);
        QueueFilter mine = QueueFilter.ofMp(mp);
        ItemView confirmed = review.claimNext("exporter", mine).orElseThrow();
        review.confirm("exporter", confirmed.item().id(), List.of("VIOLENT", "SEXIST"), Optional.empty());
        ItemView dismissed = review.claimNext("exporter", mine).orElseThrow();
        review.dismiss("exporter", dismissed.item().id(), Optional.of("sarcasm"));

        Path file = Files.createTempFile("decisions", ".jsonl");
        assertThat(export.writeTo(file)).isGreaterThanOrEqualTo(2);

        Map<String, JsonNode> byId = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode record = json.readTree(line);
            byId.put(record.path("id").asText(), record);
        }
        JsonNode abuse = byId.get("vigil-review:" + confirmed.mention().id());
        assertThat(abuse.path("labels").toString()).isEqualTo("[\"VIOLENT\",\"SEXIST\"]");
        assertThat(abuse.path("offensive").asBoolean()).isTrue();
        assertThat(abuse.path("annotated").toString()).isEqualTo("[\"VIOLENT\",\"RACIST\",\"SEXIST\"]");
        assertThat(abuse.path("text").asText()).isEqualTo(Queue.THREAT);
        assertThat(abuse.path("lang").asText()).isEqualTo("en");
        assertThat(abuse.path("meta").path("decision").asText()).isEqualTo("CONFIRMED");

        JsonNode clean = byId.get("vigil-review:" + dismissed.mention().id());
        assertThat(clean.path("labels").size()).isZero();
        assertThat(clean.path("offensive").asBoolean()).isFalse();
        assertThat(clean.path("meta").path("decision").asText()).isEqualTo("DISMISSED");

        UUID undecided = mentions.stream().filter(id -> !id.equals(confirmed.mention().id())
                && !id.equals(dismissed.mention().id())).findFirst().orElseThrow();
        assertThat(byId).doesNotContainKey("vigil-review:" + undecided);
        Files.delete(file);
    }
}
