package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Owns {@code escalation_digest_entry}: cases waiting for a recipient's next digest. */
@ApplicationScoped
public class DigestRepository {

    private final AgroalDataSource dataSource;

    DigestRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Puts a case in the recipient's next digest. */
    public void add(UUID caseId, Recipient recipient, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_digest_entry (case_id, recipient, lang, created_at) VALUES (?, ?, ?, ?)""")) {
            s.setObject(1, caseId);
            s.setString(2, recipient.address());
            s.setString(3, recipient.lang());
            s.setTimestamp(4, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /** Recipients whose oldest waiting case has waited since {@code before} or longer. */
    public List<String> due(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT recipient FROM escalation_digest_entry WHERE digest_message_id IS NULL
                     GROUP BY recipient HAVING min(created_at) <= ?""")) {
            s.setTimestamp(1, Timestamp.from(before));
            try (ResultSet r = s.executeQuery()) {
                List<String> due = new ArrayList<>();
                while (r.next()) {
                    due.add(r.getString(1));
                }
                return due;
            }
        }
    }

    /** Locks the recipient's waiting cases, oldest first; another instance skips them until commit. */
    public List<Entry> claimWaiting(String recipient) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT id, case_id, lang FROM escalation_digest_entry
                     WHERE recipient = ? AND digest_message_id IS NULL
                     ORDER BY id FOR UPDATE SKIP LOCKED""")) {
            s.setString(1, recipient);
            try (ResultSet r = s.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (r.next()) {
                    entries.add(new Entry(r.getLong(1), r.getObject(2, UUID.class), new Recipient(recipient, r.getString(3))));
                }
                return entries;
            }
        }
    }

    /** Records that the entries went out in the digest with this Message-ID. */
    public void markSent(List<Entry> entries, String messageId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE escalation_digest_entry SET digest_message_id = ? WHERE id = ANY (?)")) {
            s.setString(1, messageId);
            s.setArray(2, c.createArrayOf("bigint", entries.stream().map(Entry::id).toArray()));
            s.executeUpdate();
        }
    }

    /** One case waiting for a recipient's digest. */
    public record Entry(long id, UUID caseId, Recipient recipient) {
    }
}
