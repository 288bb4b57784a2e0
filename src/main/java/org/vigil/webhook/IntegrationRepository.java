package org.vigil.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Integrations and the secrets Vigil itself stores (generated ones); configured secrets never reach the database. */
@ApplicationScoped
public class IntegrationRepository {

    private final AgroalDataSource dataSource;

    IntegrationRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the integration if it is new; returns its id either way. */
    public long upsert(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO integration (name) VALUES (?)
                     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
                     RETURNING id""")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public void addStoredSecret(long integrationId, String secret) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO integration_secret (integration_id, secret) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setLong(1, integrationId);
            s.setString(2, secret);
            s.executeUpdate();
        }
    }

    /** Every integration with the secrets stored for it, by name. */
    public Map<String, StoredIntegration> findAll() throws SQLException {
        Map<String, StoredIntegration> byName = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT i.id, i.name, s.secret
                     FROM integration i LEFT JOIN integration_secret s ON s.integration_id = i.id
                     ORDER BY i.id, s.id""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                StoredIntegration integration = byName.computeIfAbsent(r.getString(2),
                        name -> new StoredIntegration(id, name, new ArrayList<>()));
                String secret = r.getString(3);
                if (secret != null) {
                    integration.secrets().add(secret);
                }
            }
        }
        return byName;
    }

    public record StoredIntegration(long id, String name, List<String> secrets) {
    }
}
