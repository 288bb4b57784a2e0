package org.vigil.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Webhook deliveries, claimed with their mentions by {@link MentionRepository}: the answer replayed for a repeated webhook-id. */
@ApplicationScoped
public class DeliveryRepository {

    private final AgroalDataSource dataSource;

    DeliveryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void saveResponse(long integrationId, String webhookId, String response) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE webhook_delivery SET response = ? WHERE integration_id = ? AND webhook_id = ?")) {
            s.setString(1, response);
            s.setLong(2, integrationId);
            s.setString(3, webhookId);
            s.executeUpdate();
        }
    }

    public Optional<StoredDelivery> find(long integrationId, String webhookId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT body_sha256, response FROM webhook_delivery WHERE integration_id = ? AND webhook_id = ?")) {
            s.setLong(1, integrationId);
            s.setString(2, webhookId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredDelivery(r.getBytes(1), r.getString(2))) : Optional.empty();
            }
        }
    }

    public record StoredDelivery(byte[] bodySha256, String response) {
    }
}
