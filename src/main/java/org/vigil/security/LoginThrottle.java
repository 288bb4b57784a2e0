package org.vigil.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.problem.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed logins per submitted username in PostgreSQL (so every replica sees them) and locks the
 * username for a while after too many. Unknown usernames are counted the same way, so the answers
 * never tell whether an account exists.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AgroalDataSource dataSource;
    private final SecurityConfig config;
    private final Clock clock;

    LoginThrottle(AgroalDataSource dataSource, SecurityConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** How long the username stays locked, if it is. */
    public Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT locked_until FROM login_throttle WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getTimestamp(1) != null && r.getTimestamp(1).toInstant().isAfter(now)) {
                    return Optional.of(Duration.between(now, r.getTimestamp(1).toInstant()));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Counts one failure; a failure after the window has passed starts a new count. */
    public void recordFailure(String username) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(config.failureWindow()));
        Timestamp lockedUntil = Timestamp.from(now.plus(config.lockDuration()));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO login_throttle AS t (username, failures, first_failed, locked_until)
                     VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN ?::timestamptz END)
                     ON CONFLICT (username) DO UPDATE SET
                       failures = CASE WHEN t.first_failed < ? THEN 1 ELSE t.failures + 1 END,
                       first_failed = CASE WHEN t.first_failed < ? THEN EXCLUDED.first_failed ELSE t.first_failed END,
                       locked_until = CASE WHEN (CASE WHEN t.first_failed < ? THEN 1 ELSE t.failures + 1 END) >= ?
                                           THEN ?::timestamptz ELSE t.locked_until END""")) {
            s.setString(1, username);
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, config.maxFailedLogins());
            s.setTimestamp(4, lockedUntil);
            s.setTimestamp(5, windowStart);
            s.setTimestamp(6, windowStart);
            s.setTimestamp(7, windowStart);
            s.setInt(8, config.maxFailedLogins());
            s.setTimestamp(9, lockedUntil);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public void clear(String username) {
        execute("DELETE FROM login_throttle WHERE username = ?", username);
    }

    /** Forgets failures that no longer count, so guessed usernames do not pile up. */
    @Scheduled(every = "10m", delayed = "1m")
    void forgetOldFailures() {
        Timestamp windowStart = Timestamp.from(clock.instant().minus(config.failureWindow()));
        execute("DELETE FROM login_throttle WHERE first_failed < ? AND (locked_until IS NULL OR locked_until < now())",
                windowStart);
    }

    private void execute(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
