package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Recipient lists admins changed at runtime; a list without a row follows the configuration. */
@ApplicationScoped
public class RecipientRepository {

    private final AgroalDataSource dataSource;

    RecipientRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredList> find(RecipientList list) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT entries, updated_at, updated_by FROM escalation_recipient_list WHERE list_key = ?")) {
            s.setString(1, list.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredList(r.getString(1), r.getTimestamp(2).toInstant(),
                        r.getString(3))) : Optional.empty();
            }
        }
    }

    public Map<RecipientList, StoredList> all() throws SQLException {
        Map<RecipientList, StoredList> stored = new EnumMap<>(RecipientList.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT list_key, entries, updated_at, updated_by FROM escalation_recipient_list");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                stored.put(RecipientList.valueOf(r.getString(1)), new StoredList(r.getString(2),
                        r.getTimestamp(3).toInstant(), r.getString(4)));
            }
        }
        return stored;
    }

    public void save(RecipientList list, String entries, Instant now, String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO escalation_recipient_list (list_key, entries, updated_at, updated_by) VALUES (?, ?, ?, ?)
                     ON CONFLICT (list_key) DO UPDATE SET entries = EXCLUDED.entries,
                         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")) {
            s.setString(1, list.name());
            s.setString(2, entries);
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(4, user);
            s.executeUpdate();
        }
    }

    /** Returns the list to its configuration; false when it was following the configuration already. */
    public boolean delete(RecipientList list) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM escalation_recipient_list WHERE list_key = ?")) {
            s.setString(1, list.name());
            return s.executeUpdate() == 1;
        }
    }

    /** A list as an admin saved it, in the configuration's syntax. */
    public record StoredList(String entries, Instant updatedAt, String updatedBy) {
    }
}
