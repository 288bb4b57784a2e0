package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.vigil.support.SmtpTestResource;
import org.vigil.support.Webhooks;
import org.vigil.triage.EscalationRaised;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Stores mentions through the webhook, escalates them as triage does, and reads what the SMTP server got. */
@ApplicationScoped
public class Escalations {

    public static final String REVIEWER = "reviewer:test";
    public static final FiredRule RULE = new FiredRule("test:violent-threat", "VIOLENT 0.93 ≥ 0.80");

    private final AgroalDataSource dataSource;
    private final Event<EscalationRaised> events;

    Escalations(AgroalDataSource dataSource, Event<EscalationRaised> events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /** A mention stored through the signed webhook and classified; returns its id. */
    public UUID classifiedMention(String text) {
        return classifiedMentions(List.of(text)).get(0);
    }

    /** Mentions by different authors, stored in one signed delivery and classified (triage may follow at once); returns their ids in order. */
    public List<UUID> classifiedMentions(List<String> texts) {
        return deliver("@JaneDoeMP", texts.stream().map(text -> Map.entry("author-" + UUID.randomUUID(), text)).toList());
    }

    /** Mentions by one author to the same MP, stored in one signed delivery and classified. */
    public List<UUID> classifiedMentions(String authorId, List<String> texts) {
        return deliver("@JaneDoeMP", texts.stream().map(text -> Map.entry(authorId, text)).toList());
    }

    /** Mentions (author id and text) aimed at the MP handle, stored in one signed delivery and classified. */
    public List<UUID> deliver(String mpHandle, List<Map.Entry<String, String>> authorsAndTexts) {
        String body = authorsAndTexts.stream().map(mention -> """
                        {"platform": "x", "externalId": "%s", "mpHandle": "%s",
                         "author": {"id": "%s", "handle": "@%s"}, "text": "%s", "postedAt": "2026-11-28T10:00:00Z"}"""
                        .formatted(Webhooks.uniqueExternalId(), mpHandle, mention.getKey(), mention.getKey(),
                                mention.getValue()))
                .collect(Collectors.joining(",", "{\"mentions\": [", "]}"));
        List<String> ids = Webhooks.deliver(body).then().statusCode(202).extract().path("items.id");
        List<UUID> mentions = ids.stream().map(UUID::fromString).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> mentions.stream().allMatch(id ->
                single("SELECT 1 FROM mention_classification WHERE mention_id = ?", id) != null));
        return mentions;
    }

    /**
     * Escalates the mention by hand in its own committed transaction, as a reviewer does (never folded into a
     * case triage may have opened for the same mention); returns the new case id.
     */
    public UUID raise(UUID mentionId, Priority priority) {
        UUID itemId = fire(mentionId, priority, REVIEWER);
        return UUID.fromString(single("SELECT id::text FROM escalation_case WHERE item_id = ?", itemId));
    }

    /** Escalates every mention by hand in one committed transaction; returns the new case ids. */
    public List<UUID> raiseAll(List<UUID> mentionIds, Priority priority) {
        List<UUID> items = mentionIds.stream().map(id -> UUID.randomUUID()).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < items.size(); i++) {
                events.fire(new EscalationRaised(items.get(i), mentionIds.get(i), priority, "threat against the MP",
                        List.of(RULE), REVIEWER));
            }
        });
        return items.stream().map(item -> UUID.fromString(single(
                "SELECT id::text FROM escalation_case WHERE item_id = ?", item))).toList();
    }

    /** Escalates the mention as a new review item, by {@code raisedBy} ("triage" for a rule); returns the item's id. */
    public UUID fire(UUID mentionId, Priority priority, String raisedBy) {
        UUID itemId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> events.fire(new EscalationRaised(itemId, mentionId, priority,
                "threat against the MP", List.of(RULE), raisedBy)));
        return itemId;
    }

    /** Emails the SMTP server received about the case (one per recipient copy). */
    public static List<MimeMessage> received(UUID caseId) {
        return Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .filter(message -> messageId(message).contains(caseId.toString()))
                .toList();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column of every row of {@code sql}, with a single id parameter. */
    public List<String> column(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter instanceof UUID[] ids) {
                s.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (r.next()) {
                    values.add(r.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String single(String sql, Object parameter) {
        List<String> values = column(sql, parameter);
        return values.isEmpty() ? null : values.get(0);
    }
}
