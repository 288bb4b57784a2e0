package org.vigil.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A candidate model in shadow scores every new mention beside the live one without changing triage, and the
 * statistics say where they disagree and which one the reviewers' decisions matched. The candidate is the
 * shipped model with a VIOLENT threshold no score reaches, so the two disagree exactly on violent mentions.
 */
@QuarkusTest
@TestProfile(ShadowModelTest.CandidateModel.class)
class ShadowModelTest {

    static final String CANDIDATE_VERSION = "shadow-candidate-" + UUID.randomUUID();

    /** The shipped models copied to a temporary directory, under another version and a VIOLENT threshold above 1. */
    public static class CandidateModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.classifier.shadow.models", candidateDirectory().toString(),
                    "vigil.classifier.shadow.poll-interval", "1s");
        }

        private static Path candidateDirectory() {
            try {
                Path directory = Files.createTempDirectory("vigil-shadow-model");
                ObjectMapper json = new ObjectMapper();
                ObjectNode manifest = (ObjectNode) json.readTree(resource(ModelManifest.FILE_NAME));
                manifest.put("modelVersion", CANDIDATE_VERSION);
                json.writeValue(directory.resolve(ModelManifest.FILE_NAME).toFile(), neverViolent(manifest));
                // The fused scores' thresholds live in the semantic stage's file.
                String semantic = manifest.get("semantic").asText();
                json.writeValue(directory.resolve(semantic).toFile(),
                        neverViolent((ObjectNode) json.readTree(resource(semantic))));
                for (var file : manifest.get("files")) {
                    try (InputStream in = resource(file.asText())) {
                        Files.copy(in, directory.resolve(file.asText()));
                    }
                }
                directory.toFile().deleteOnExit();
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static ObjectNode neverViolent(ObjectNode thresholdsOwner) {
            ((ObjectNode) thresholdsOwner.get("thresholds")).put(Category.VIOLENT.name(), 1.01);
            thresholdsOwner.get("languageThresholds").forEach(own -> ((ObjectNode) own).put(Category.VIOLENT.name(), 1.01));
            return thresholdsOwner;
        }

        private static InputStream resource(String name) {
            return ShadowModelTest.class.getResourceAsStream("/models/" + name);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AbuseClassifier live;

    @Inject
    ShadowRepository shadowScores;

    @Test
    void scoresNewMentionsInShadowWithoutChangingTriageAndComparesWithReviewersDecisions() throws Exception {
        List<String> ids = Webhooks.deliver("{\"mentions\": [%s, %s]}".formatted(
                Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP",
                        "Tonight I am going to stab you outside your constituency office"),
                Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP",
                        "Thanks for visiting our primary school choir last spring")))
                .then().statusCode(202).extract().path("items.id");
        UUID threat = UUID.fromString(ids.get(0));
        UUID clean = UUID.fromString(ids.get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                SELECT count(*) FROM shadow_classification WHERE model_version = ? AND mention_id = ANY (?)""",
                threat, clean) == 2);

        assertThat(count("SELECT count(*) FROM shadow_classification WHERE model_version = ? AND mention_id = ANY (?) "
                + "AND live_model_version = '" + live.modelVersion() + "' AND NOT 'VIOLENT' = ANY (labels)",
                threat, clean)).isEqualTo(2);
        // Triage followed the live model only: the threat is queued as violent, the clean mention not at all.
        assertThat(count("SELECT count(*) FROM review_item WHERE ? <> '' AND mention_id = ANY (?) "
                + "AND 'VIOLENT' = ANY (model_categories)", threat, clean)).isEqualTo(1);

        StaffLogin.Session reviewer = StaffLogin.as(Roles.REVIEWER);
        String item = itemOf(threat);
        reviewer.given().post("/api/v1/review/items/{id}/claim", item).then().statusCode(200);
        reviewer.given().contentType("application/json").body("{\"categories\": [\"VIOLENT\"]}")
                .post("/api/v1/review/items/{id}/confirm", item).then().statusCode(200);

        StaffLogin.as(Roles.ADMIN).given().get("/api/v1/admin/classifier/shadow").then().statusCode(200)
                .body("liveModelVersion", equalTo(live.modelVersion()))
                .body("shadowModelVersion", equalTo(CANDIDATE_VERSION))
                .body("failed", equalTo(0))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.scored", equalTo(2))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.agree", equalTo(1))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.liveOnly", equalTo(1))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.shadowOnly", equalTo(0))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.decided", equalTo(1))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.liveAgreedWithReviewers",
                        equalTo(1))
                .body("comparisons.find { it.lang == 'en' && it.category == 'VIOLENT' }.shadowAgreedWithReviewers",
                        equalTo(0))
                .body("comparisons.find { it.lang == 'en' && it.category == 'RACIST' }.agree", equalTo(2));
        StaffLogin.as(Roles.ADMIN).given().get("/admin/classifier").then().statusCode(200)
                .body(containsString(CANDIDATE_VERSION));
    }

    @Test
    void aMentionTheCandidateFailedOnIsRecordedOnceAndNotTriedAgain() throws Exception {
        String failingVersion = "failing-candidate-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        UUID mention = UUID.fromString(Webhooks.deliver("{\"mentions\": [%s]}".formatted(
                Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "Will the library open on Sundays?")))
                .then().statusCode(202).extract().<String>path("items[0].id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> unscoredBy(failingVersion, before).contains(mention));

        ShadowRepository.Unscored failed = shadowScores.unscored(failingVersion, before, 1000).stream()
                .filter(u -> u.id().equals(mention)).findFirst().orElseThrow();
        shadowScores.saveFailures(failingVersion, Map.of(failed, "IllegalStateException: test"), Instant.now());
        shadowScores.saveFailures(failingVersion, Map.of(failed, "IllegalStateException: again"), Instant.now());

        assertThat(unscoredBy(failingVersion, before)).doesNotContain(mention);
        assertThat(shadowScores.failures(failingVersion)).isEqualTo(1);
    }

    private List<UUID> unscoredBy(String modelVersion, Instant since) throws SQLException {
        return shadowScores.unscored(modelVersion, since, 1000).stream().map(ShadowRepository.Unscored::id).toList();
    }

    private String itemOf(UUID mention) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id::text FROM review_item WHERE mention_id = ?")) {
            s.setObject(1, mention);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private long count(String sql, UUID... mentions) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, CANDIDATE_VERSION);
            s.setArray(2, c.createArrayOf("uuid", mentions));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
