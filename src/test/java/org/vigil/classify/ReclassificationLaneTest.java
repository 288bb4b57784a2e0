package org.vigil.classify;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Re-classification runs in a lane that gives way to new mentions, and never escalates an item already queued. */
@QuarkusTest
class ReclassificationLaneTest {

    private static final String RETIRED = "retired-model-lane-test";
    private static final String THREAT = "Tonight I am going to stab you outside your constituency office";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReclassificationService reclassification;

    @Inject
    ReclassificationLane lane;

    @Inject
    AbuseClassifier classifier;

    @Inject
    Scheduler scheduler;

    @Inject
    MeterRegistry registry;

    @Test
    void aNewThreatIsClassifiedAndTriagedBeforeTheBacklogWhichThenDrains() throws Exception {
        List<UUID> backlog = deliver(IntStream.range(0, 45)
                .mapToObj(i -> "Question number " + i + " about opening hours of the county library").toList());
        waitForTriage(backlog);
        retire(backlog);

        double rescoredBefore = registry.counter("vigil.reclassification.rescored").count();
        double gaveWayBefore = registry.counter("vigil.reclassification.gave.way").count();
        scheduler.pause(ClassificationWorker.JOB);
        UUID threat;
        long requestId;
        try {
            threat = deliver(List.of(THREAT)).get(0);
            requestId = reclassification.request("test").id();
            // GAVE_WAY, or NO_REQUEST when the scheduled lane held the request at that moment (and gave way too).
            assertThat(lane.drain()).isIn(ReclassificationService.Outcome.GAVE_WAY,
                    ReclassificationService.Outcome.NO_REQUEST);
            assertThat(stillRetired(backlog)).isEqualTo(backlog.size());
        } finally {
            scheduler.resume(ClassificationWorker.JOB);
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                reclassification.find(requestId).orElseThrow().state() == ReclassificationState.DONE);
        assertThat(stillRetired(backlog)).isZero();
        Instant threatClassified = instant("SELECT classified_at FROM mention_classification WHERE mention_id = ANY (?)",
                List.of(threat), null);
        Instant threatQueued = instant("SELECT created_at FROM review_item WHERE mention_id = ANY (?)", List.of(threat),
                null);
        Instant firstRescored = instant("""
                SELECT min(classified_at) FROM mention_classification
                WHERE mention_id = ANY (?) AND model_version = ?""", backlog, classifier.modelVersion());
        assertThat(threatClassified).isBefore(firstRescored);
        assertThat(threatQueued).isBeforeOrEqualTo(firstRescored);
        assertThat(count("SELECT count(*) FROM mention WHERE id = ANY (?) AND state = 'TRIAGED'", backlog))
                .isEqualTo(backlog.size());
        assertThat(registry.counter("vigil.reclassification.rescored").count() - rescoredBefore)
                .isGreaterThanOrEqualTo(backlog.size());
        assertThat(registry.counter("vigil.reclassification.gave.way").count()).isGreaterThan(gaveWayBefore);
    }

    @Test
    void anItemWhoseLabelsChangeIsRecordedNeitherDuplicatedNorEscalated() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        QuarkusMock.installMockForType(new AbuseClassifier(ModelBundle.fromClasspath(),
                LanguageIdentifier.fromClasspath(), 5) {
            @Override
            public Classification classify(String text, Optional<String> languageHint) {
                if (failing.get() && text.startsWith(THREAT)) {
                    throw new IllegalStateException("simulated classifier failure");
                }
                return super.classify(text, languageHint);
            }
        }, AbuseClassifier.class);
        UUID threat = deliver(List.of(THREAT + " at nine")).get(0);
        waitForTriage(List.of(threat));
        assertThat(count("SELECT count(*) FROM review_item WHERE mention_id = ANY (?) AND priority = 3 "
                + "AND entry_reason = 'UNCLASSIFIABLE'", List.of(threat))).isEqualTo(1);

        failing.set(false);
        long requestId = reclassification.request("test").id();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reclassification.find(requestId).orElseThrow().state() == ReclassificationState.DONE);
        waitForTriage(List.of(threat));

        assertThat(reclassification.find(requestId).orElseThrow().labelsChanged()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM review_item WHERE mention_id = ANY (?) AND priority = 1 "
                + "AND 'VIOLENT' = ANY (model_categories)", List.of(threat))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM review_item WHERE mention_id = ANY (?)", List.of(threat)))
                .isEqualTo(1);
        assertThat(escalationsOf(threat)).isZero();
    }

    private List<UUID> deliver(List<String> texts) {
        String body = texts.stream().map(text -> Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", text))
                .collect(Collectors.joining(", ", "{\"mentions\": [", "]}"));
        List<String> ids = Webhooks.deliver(body).then().statusCode(202).extract().path("items.id");
        return ids.stream().map(UUID::fromString).toList();
    }

    private void waitForTriage(List<UUID> mentions) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM mention WHERE id = ANY (?) AND state = 'TRIAGED'", mentions)
                        == mentions.size());
    }

    /** Makes the mentions' classification in force one by a retired model. */
    private void retire(List<UUID> mentions) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE mention_classification SET model_version = ? WHERE mention_id = ANY (?)")) {
                s.setString(1, RETIRED);
                s.setArray(2, c.createArrayOf("uuid", mentions.toArray()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE mention SET model_version = ? WHERE id = ANY (?)")) {
                s.setString(1, RETIRED);
                s.setArray(2, c.createArrayOf("uuid", mentions.toArray()));
                s.executeUpdate();
            }
        }
    }

    private long stillRetired(List<UUID> mentions) throws SQLException {
        return count("SELECT count(*) FROM mention WHERE id = ANY (?) AND model_version = '" + RETIRED + "'",
                mentions);
    }

    private long escalationsOf(UUID mention) throws SQLException {
        return count("""
                SELECT (SELECT count(*) FROM escalation_case c WHERE c.item_id = r.id)
                     + (SELECT count(*) FROM escalation_folded_item f WHERE f.item_id = r.id)
                FROM review_item r WHERE r.mention_id = ANY (?)""", List.of(mention));
    }

    private long count(String sql, List<UUID> mentions) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", mentions.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Instant instant(String sql, List<UUID> mentions, String modelVersion) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", mentions.toArray()));
            if (modelVersion != null) {
                s.setString(2, modelVersion);
            }
            try (ResultSet r = s.executeQuery()) {
                List<Timestamp> values = new ArrayList<>();
                while (r.next()) {
                    values.add(r.getTimestamp(1));
                }
                assertThat(values).singleElement().isNotNull();
                return values.get(0).toInstant();
            }
        }
    }
}
