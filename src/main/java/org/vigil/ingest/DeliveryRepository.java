package org.vigil.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Webhook deliveries: the raw evidence and the answer replayed for a repeated webhook-id. */
@ApplicationScoped
public class DeliveryRepository {

    private final AgroalDataSource dataSource;

    DeliveryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the webhook-id. Returns false when it was claimed before; a concurrent claim of the same
     * id waits here until the first commits or rolls back, so a delivery is never processed twice.
     */
    public boolean claim(long integrationId, String webhookId, Instant receivedAt, byte[] sha256, byte[] body)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO webhook_delivery (integration_id, webhook_id, received_at, body_sha256, body)
                     VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            s.setLong(1, integrationId);
            s.setString(2, webhookId);
            s.setTimestamp(3, Timestamp.from(receivedAt));
            s.setBytes(4, sha256);
            s.setBytes(5, body);
            return s.executeUpdate() == 1;
        }
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
