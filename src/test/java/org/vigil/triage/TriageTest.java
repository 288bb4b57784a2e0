package org.vigil.triage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Queue;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Classified mentions become review items with a priority and a due time; clean ones do not. */
@QuarkusTest
class TriageTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;
    @Inject
    MpDirectory directory;
    @Inject
    Escalations escalations;

    @Test
    void aThreatBecomesAnUrgentReviewItemAndIsEscalated() throws Exception {
        String handle = "@triage_threat_" + Webhooks.uniqueExternalId();
        Queue.newMp(directory, handle);
        UUID mention = Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 1).get(0);
        Queue.itemsOf(dataSource, List.of(mention));

        List<String> row = row("""
                SELECT m.state, r.state, r.priority::text, r.entry_reason, r.model_categories::text,
                       (r.due_at - r.created_at)::text, r.fired_rules::text
                FROM mention m JOIN review_item r ON r.mention_id = m.id WHERE m.id = ?""", mention);
        assertThat(row.get(0)).isEqualTo("TRIAGED");
        assertThat(row.get(1)).isEqualTo("OPEN");
        assertThat(row.get(2)).isIn("1", "2");
        assertThat(row.get(3)).isEqualTo("LABELLED");
        assertThat(row.get(4)).contains("VIOLENT");
        assertThat(row.get(5)).isIn("00:15:00", "01:00:00");
        assertThat(row.get(6)).contains("built-in:violent");
        boolean escalated = escalations.raised.stream().anyMatch(e -> e.mentionId().equals(mention));
        assertThat(escalated).as("escalated exactly when P1").isEqualTo(row.get(2).equals("1"));
    }

    @Test
    void aFriendlyMentionIsTriagedWithoutAReviewItem() throws Exception {
        String handle = "@triage_clean_" + Webhooks.uniqueExternalId();
        UUID mention = Queue.deliverAndTriage(classification, triage, handle,
                "Thank you for opening the new library in our town on Saturday", 1).get(0);

        awaitTriaged(mention);
        assertThat(row("SELECT count(*)::text FROM review_item WHERE mention_id = ?", mention)).containsExactly("0");
    }

    @Test
    void triageTwiceKeepsOneItemPerMention() throws Exception {
        String handle = "@triage_twice_" + Webhooks.uniqueExternalId();
        UUID mention = Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 1).get(0);
        Queue.itemsOf(dataSource, List.of(mention));
        execute("UPDATE mention SET state = 'CLASSIFIED' WHERE id = ?", mention);

        triage.drain();

        awaitTriaged(mention);
        assertThat(row("SELECT count(*)::text FROM review_item WHERE mention_id = ?", mention)).containsExactly("1");
    }

    @Test
    void theDatabaseRefusesAnUnknownMentionState() throws Exception {
        UUID mention = Queue.deliverAndTriage(classification, triage, "@triage_state_" + Webhooks.uniqueExternalId(),
                "See you at the town hall meeting", 1).get(0);
        assertThatThrownBy(() -> execute("UPDATE mention SET state = 'LOST' WHERE id = ?", mention))
                .isInstanceOf(SQLException.class).hasMessageContaining("mention_state_known");
    }

    /** Keeps what triage escalated, as the escalation feature would receive it. */
    @Singleton
    static class Escalations {
        final List<EscalationRaised> raised = new CopyOnWriteArrayList<>();

        void on(@Observes EscalationRaised event) {
            raised.add(event);
        }
    }

    private void awaitTriaged(UUID mention) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(row("SELECT state FROM mention WHERE id = ?", mention)).containsExactly("TRIAGED"));
    }

    private List<String> row(String sql, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    values.add(r.getString(i));
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
