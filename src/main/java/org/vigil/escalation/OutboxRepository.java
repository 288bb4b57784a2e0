package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.paging.PageCursor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The escalation outbox: emails written with the decision that caused them, sent later by the relay. */
@ApplicationScoped
public class OutboxRepository {

    /** The channel the relay listens on; a notification is delivered only when the writing transaction commits. */
    static final String CHANNEL = "vigil_escalation_outbox";

    private final AgroalDataSource dataSource;

    OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void add(OutboxEmail email, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_outbox (case_id, kind, recipient, lang, message_id, in_reply_to, subject,
                                                    text_body, html_body, next_attempt_at, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement wake = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
            s.setObject(1, email.caseId());
            s.setString(2, email.kind().name());
            s.setString(3, email.recipient().address());
            s.setString(4, email.recipient().lang());
            s.setString(5, email.messageId());
            s.setString(6, email.inReplyTo().orElse(null));
            s.setString(7, email.subject());
            s.setString(8, email.textBody());
            s.setString(9, email.htmlBody());
            s.setTimestamp(10, Timestamp.from(now));
            s.setTimestamp(11, Timestamp.from(now));
            s.executeUpdate();
            wake.execute();
        }
    }

    /** Locks the most overdue pending email; other relays skip it until this transaction ends. */
    public Optional<PendingEmail> claimNextDue(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, attempts, case_id, kind, recipient, lang, message_id, in_reply_to, subject,
                            text_body, html_body
                     FROM escalation_outbox
                     WHERE state = 'PENDING' AND next_attempt_at <= ?
                     ORDER BY next_attempt_at
                     LIMIT 1
                     FOR UPDATE SKIP LOCKED""")) {
            s.setTimestamp(1, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                OutboxEmail email = new OutboxEmail(r.getObject(3, UUID.class), EmailKind.valueOf(r.getString(4)),
                        new Recipient(r.getString(5), r.getString(6)), r.getString(7),
                        Optional.ofNullable(r.getString(8)), r.getString(9), r.getString(10), r.getString(11));
                return Optional.of(new PendingEmail(r.getLong(1), r.getInt(2), email));
            }
        }
    }

    public void markSent(long id, String transport, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE escalation_outbox
                     SET state = 'SENT', attempts = attempts + 1, sent_at = ?, transport = ?, last_error = NULL
                     WHERE id = ?""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, transport);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Records a failed attempt: retried at {@code nextAttempt}, or moved to the dead letter when empty. */
    public void markFailed(long id, Optional<Instant> nextAttempt, String error) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE escalation_outbox
                     SET attempts = attempts + 1, last_error = ?,
                         state = CASE WHEN ?::timestamptz IS NULL THEN 'DEAD' ELSE 'PENDING' END,
                         next_attempt_at = coalesce(?::timestamptz, next_attempt_at)
                     WHERE id = ?""")) {
            Timestamp next = nextAttempt.map(Timestamp::from).orElse(null);
            s.setString(1, error);
            s.setTimestamp(2, next);
            s.setTimestamp(3, next);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** Puts a dead email back in the queue with a fresh set of attempts; false when it is not dead. */
    public boolean resend(long id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE escalation_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?
                     WHERE id = ? AND state = 'DEAD'""");
             PreparedStatement wake = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', '')")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, id);
            boolean resent = s.executeUpdate() == 1;
            if (resent) {
                wake.execute();
            }
            return resent;
        }
    }

    public Optional<OutboxState> state(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state FROM escalation_outbox WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(OutboxState.valueOf(r.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * Emails in a state, newest first, from just below {@code after} (from the newest when empty). The row
     * comparison seeks straight to the position in {@code escalation_outbox_by_state}, however deep the page.
     */
    public OutboxPage page(OutboxState state, Optional<PageCursor> after, int size) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, case_id, kind, recipient, message_id, subject, state, attempts, created_at,
                            next_attempt_at, sent_at, transport, last_error
                     FROM escalation_outbox WHERE state = ? %s
                     ORDER BY created_at DESC, id DESC LIMIT ?""".formatted(
                     after.isPresent() ? "AND (created_at, id) < (?, ?)" : ""))) {
            int parameter = 1;
            s.setString(parameter++, state.name());
            if (after.isPresent()) {
                s.setTimestamp(parameter++, Timestamp.from(after.get().time(0)));
                s.setLong(parameter++, after.get().number(1));
            }
            // One row more than the page tells whether older ones follow, without counting them.
            s.setInt(parameter, size + 1);
            try (ResultSet r = s.executeQuery()) {
                List<OutboxEntry> entries = new ArrayList<>();
                while (r.next()) {
                    OutboxState rowState = OutboxState.valueOf(r.getString(7));
                    entries.add(new OutboxEntry(r.getLong(1), r.getObject(2, UUID.class),
                            EmailKind.valueOf(r.getString(3)), r.getString(4), r.getString(5), r.getString(6),
                            rowState, r.getInt(8), r.getTimestamp(9).toInstant(),
                            rowState == OutboxState.PENDING ? Optional.of(r.getTimestamp(10).toInstant()) : Optional.empty(),
                            Optional.ofNullable(r.getTimestamp(11)).map(Timestamp::toInstant),
                            Optional.ofNullable(r.getString(12)), Optional.ofNullable(r.getString(13))));
                }
                if (entries.size() <= size) {
                    return new OutboxPage(entries, Optional.empty());
                }
                List<OutboxEntry> shown = entries.subList(0, size);
                OutboxEntry oldest = shown.get(size - 1);
                return new OutboxPage(shown, Optional.of(PageCursor.of(state.name(), oldest.createdAt(), oldest.id())));
            }
        }
    }

    /** Everyone emailed about the case so far (alerts and tiers), with their language, in order. */
    public List<Recipient> alerted(UUID caseId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT recipient, min(lang) FROM escalation_outbox
                     WHERE case_id = ? AND kind IN ('ALERT', 'TIER')
                     GROUP BY recipient ORDER BY min(id)""")) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                List<Recipient> recipients = new ArrayList<>();
                while (r.next()) {
                    recipients.add(new Recipient(r.getString(1), r.getString(2)));
                }
                return recipients;
            }
        }
    }

    /** Whether the address already has an email about the case, which later ones then answer. */
    public boolean hasEmailed(UUID caseId, String address) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT 1 FROM escalation_outbox WHERE case_id = ? AND recipient = ? LIMIT 1")) {
            s.setObject(1, caseId);
            s.setString(2, address);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** How many emails are in each state, for the operations metrics. */
    public Map<OutboxState, Long> countByState() throws SQLException {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            counts.put(state, 0L);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state, count(*) FROM escalation_outbox GROUP BY state");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(OutboxState.valueOf(r.getString(1)), r.getLong(2));
            }
        }
        return counts;
    }
}
