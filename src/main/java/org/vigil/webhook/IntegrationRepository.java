package org.vigil.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Integrations and the secrets Vigil itself stores (generated ones, encrypted); configured secrets never
 * reach the database. Joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class IntegrationRepository {

    /** Where an integration comes from. */
    public enum Source {
        /** From configuration: in force only while configured. */
        CONFIGURED,
        /** Created in Vigil (admin or demo); its secrets are stored. */
        STORED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final AgroalDataSource dataSource;

    IntegrationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the integration if it is new; returns its id either way. */
    public long upsert(String name, Source source) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO integration (name, source) VALUES (?, ?)
                     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
                     RETURNING id""")) {
            s.setString(1, name);
            s.setString(2, source.code());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Creates a new integration; empty when the name is taken. */
    public Optional<Long> insert(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO integration (name, source) VALUES (?, 'stored') ON CONFLICT (name) DO NOTHING RETURNING id")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    public void addEncryptedSecret(long integrationId, byte[] encrypted) throws SQLException {
        update("INSERT INTO integration_secret (integration_id, encrypted) VALUES (?, ?)", integrationId, encrypted);
    }

    /** Replaces a secret stored in clear (before encryption existed) by its ciphertext. */
    public void encryptStoredSecret(long secretId, byte[] encrypted) throws SQLException {
        update("UPDATE integration_secret SET encrypted = ?, secret = NULL WHERE id = ?", encrypted, secretId);
    }

    /** Every secret of the integration still valid at {@code expiresAt} now expires then. */
    public void expireSecrets(long integrationId, Instant expiresAt) throws SQLException {
        update("""
                UPDATE integration_secret SET expires_at = ?
                WHERE integration_id = ? AND (expires_at IS NULL OR expires_at > ?)""",
                Timestamp.from(expiresAt), integrationId, Timestamp.from(expiresAt));
    }

    public void revoke(long integrationId, Instant at) throws SQLException {
        update("UPDATE integration SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(at), integrationId);
    }

    /** Every integration with the secrets stored for it, by name. */
    public Map<String, StoredIntegration> findAll() throws SQLException {
        Map<String, StoredIntegration> byName = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT i.id, i.name, i.source, i.revoked_at, s.id, s.secret, s.encrypted, s.created_at, s.expires_at
                     FROM integration i LEFT JOIN integration_secret s ON s.integration_id = i.id
                     ORDER BY i.id, s.id""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                Source source = Source.valueOf(r.getString(3).toUpperCase(java.util.Locale.ROOT));
                Optional<Instant> revoked = instant(r.getTimestamp(4));
                StoredIntegration integration = byName.computeIfAbsent(r.getString(2),
                        name -> new StoredIntegration(id, name, source, revoked, new ArrayList<>()));
                long secretId = r.getLong(5);
                if (!r.wasNull()) {
                    integration.secrets().add(new StoredSecret(secretId, Optional.ofNullable(r.getString(6)),
                            Optional.ofNullable(r.getBytes(7)), r.getTimestamp(8).toInstant(), instant(r.getTimestamp(9))));
                }
            }
        }
        return byName;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    public record StoredIntegration(long id, String name, Source source, Optional<Instant> revokedAt,
                                    List<StoredSecret> secrets) {
    }

    /** A stored secret: in clear (written before encryption existed) or encrypted. */
    public record StoredSecret(long id, Optional<String> clear, Optional<byte[]> encrypted, Instant createdAt,
                               Optional<Instant> expiresAt) {
    }
}
