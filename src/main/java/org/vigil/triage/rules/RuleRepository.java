package org.vigil.triage.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Saved rule versions and the MPs' rule profiles. */
@ApplicationScoped
public class RuleRepository {

    private final AgroalDataSource dataSource;

    RuleRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The highest saved version number, or 0 when only the shipped defaults exist. */
    public int latestVersion() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT coalesce(max(version), 0) FROM triage_rule_set");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    public Optional<StoredRules> find(int version) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT version, label, body, created_at, created_by FROM triage_rule_set WHERE version = ?")) {
            s.setInt(1, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredRules(r.getInt(1), r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant(), r.getString(5))) : Optional.empty();
            }
        }
    }

    /** The saved versions without their text, newest first, at most {@code limit}. */
    public List<RuleVersion> history(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT version, label, created_at, created_by FROM triage_rule_set ORDER BY version DESC LIMIT ?""")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                List<RuleVersion> versions = new ArrayList<>();
                while (r.next()) {
                    versions.add(new RuleVersion(r.getInt(1), r.getString(2), r.getTimestamp(3).toInstant(),
                            r.getString(4)));
                }
                return versions;
            }
        }
    }

    /** Saves a new version after {@code expectedLatest}; false when someone saved another version meanwhile. */
    public boolean saveAfter(int expectedLatest, String label, String body, Instant now, String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO triage_rule_set (version, label, body, created_at, created_by)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING""")) {
            s.setInt(1, expectedLatest + 1);
            s.setString(2, label);
            s.setString(3, body);
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, user);
            return s.executeUpdate() == 1;
        }
    }

    public Optional<MpProfile> profile(long mpId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT threshold_reduction, watch_keywords, family_names, sensitive_places
                     FROM mp_rule_profile WHERE mp_id = ?""")) {
            s.setLong(1, mpId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new MpProfile(r.getDouble(1), strings(r.getArray(2)),
                        strings(r.getArray(3)), strings(r.getArray(4)))) : Optional.empty();
            }
        }
    }

    public void saveProfile(long mpId, MpProfile profile, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO mp_rule_profile (mp_id, threshold_reduction, watch_keywords, family_names, sensitive_places, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT (mp_id) DO UPDATE SET threshold_reduction = EXCLUDED.threshold_reduction,
                         watch_keywords = EXCLUDED.watch_keywords, family_names = EXCLUDED.family_names,
                         sensitive_places = EXCLUDED.sensitive_places, updated_at = EXCLUDED.updated_at""")) {
            s.setLong(1, mpId);
            s.setDouble(2, profile.thresholdReduction());
            s.setArray(3, c.createArrayOf("text", profile.watchKeywords().toArray()));
            s.setArray(4, c.createArrayOf("text", profile.familyNames().toArray()));
            s.setArray(5, c.createArrayOf("text", profile.sensitivePlaces().toArray()));
            s.setTimestamp(6, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    /** When a version was saved and by whom. */
    public record RuleVersion(int version, String label, Instant createdAt, String createdBy) {
    }

    /** One saved version of the rules, as written by an admin. */
    public record StoredRules(int version, String label, String body, Instant createdAt, String createdBy) {
    }
}
