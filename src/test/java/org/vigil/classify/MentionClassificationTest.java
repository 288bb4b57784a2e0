package org.vigil.classify;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every stored mention gets a classification, and a model change re-classifies without losing the old one. */
@QuarkusTest
class MentionClassificationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReclassificationService reclassification;


    @Inject
    AbuseClassifier classifier;

    @Test
    void classifiesEveryStoredMention() throws Exception {
        UUID id = UUID.fromString(Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP",
                "We know where your family lives. Watch your back.")).then().statusCode(202)
                .extract().path("items[0].id"));

        waitUntilClassified(id);

        List<String> row = query("""
                SELECT m.state, m.model_version, m.detected_lang, c.labels::text, c.explanation::text
                FROM mention m JOIN mention_classification c ON c.mention_id = m.id AND c.model_version = m.model_version
                WHERE m.id = ?""", id);
        assertThat(row.get(0)).isIn("CLASSIFIED", "TRIAGED");
        assertThat(row.get(1)).isEqualTo(classifier.modelVersion());
        assertThat(row.get(2)).isEqualTo("en");
        assertThat(row.get(3)).contains("VIOLENT");
        assertThat(row.get(4)).contains("VIOLENT");
    }

    @Test
    void reclassifiesMentionsOfAnOlderModelAndKeepsTheOlderScores() throws Exception {
        UUID id = UUID.fromString(Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP",
                "Thank you for your work on the housing bill")).then().statusCode(202).extract().path("items[0].id"));
        waitForState(id, "TRIAGED");
        execute("UPDATE mention_classification SET model_version = 'retired-model' WHERE mention_id = ?", id);
        execute("UPDATE mention SET model_version = 'retired-model' WHERE id = ?", id);

        reclassifyAndWait();

        assertThat(query("SELECT model_version FROM mention WHERE id = ?", id))
                .containsExactly(classifier.modelVersion());
        assertThat(query("SELECT count(*)::text FROM mention_classification WHERE mention_id = ?", id))
                .containsExactly("2");
    }

    @Test
    void setsAsideAMentionTheClassifierFailsOnAndKeepsScoringTheOthers() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        QuarkusMock.installMockForType(new AbuseClassifier(ModelBundle.fromClasspath(),
                LanguageIdentifier.fromClasspath(), 5) {
            @Override
            public Classification classify(String text, Optional<String> languageHint) {
                if (failing.get() && text.contains("POISON")) {
                    // Expected, so without a stack trace to clutter the test output.
                    throw new IllegalStateException("simulated classifier failure", null) {
                        @Override
                        public synchronized Throwable fillInStackTrace() {
                            return this;
                        }
                    };
                }
                return super.classify(text, languageHint);
            }
        }, AbuseClassifier.class);
        io.restassured.response.Response answer = Webhooks.deliver("{\"mentions\": [%s, %s]}".formatted(
                Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "POISON text"),
                Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "An ordinary question about trains")));
        UUID poison = UUID.fromString(answer.then().statusCode(202).extract().path("items[0].id"));
        UUID ordinary = UUID.fromString(answer.path("items[1].id"));

        waitForState(poison, "UNCLASSIFIABLE", "TRIAGED");
        waitUntilClassified(ordinary);
        assertThat(query("SELECT model_version FROM mention WHERE id = ?", poison)).containsExactly((String) null);

        failing.set(false);
        waitForState(poison, "TRIAGED");
        reclassifyAndWait();
        assertThat(query("SELECT model_version FROM mention WHERE id = ?", poison))
                .containsExactly(classifier.modelVersion());
    }

    /** Re-classification in the low-priority lane, which the service runs on its own. */
    private void reclassifyAndWait() throws SQLException {
        long id = reclassification.request("test").id();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                reclassification.find(id).orElseThrow().state() == ReclassificationState.DONE);
    }

    /** Classified, or already through triage, which follows at once. */
    private void waitUntilClassified(UUID id) throws Exception {
        waitForState(id, "CLASSIFIED", "TRIAGED");
    }

    private void waitForState(UUID id, String... states) throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(query("SELECT state FROM mention WHERE id = ?", id)).hasSize(1).first().isIn((Object[]) states));
    }

    private List<String> query(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                if (r.next()) {
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        values.add(r.getString(i));
                    }
                }
                return values;
            }
        }
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }
}
