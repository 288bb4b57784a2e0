package org.vigil.security;

import io.agroal.api.AgroalDataSource;
import org.vigil.problem.StorageException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Owns {@code staff_user} and {@code staff_user_role}. Joins the caller's transaction when there is one. */
@ApplicationScoped
public class StaffUserRepository {

    private static final String SELECT = """
            SELECT u.id, u.username, u.password_hash, u.enabled, u.created_at,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}')
            FROM staff_user u LEFT JOIN staff_user_role r ON r.user_id = u.id
            """;

    private final AgroalDataSource dataSource;

    StaffUserRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StaffAccount> findByUsername(String username) {
        List<StaffAccount> found = query(SELECT + " WHERE u.username = ? GROUP BY u.id", username);
        return found.stream().findFirst();
    }

    public Optional<StaffAccount> findById(long id) {
        List<StaffAccount> found = query(SELECT + " WHERE u.id = ? GROUP BY u.id", id);
        return found.stream().findFirst();
    }

    public List<StaffAccount> findAll() {
        return query(SELECT + " GROUP BY u.id ORDER BY u.username");
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM staff_user");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Inserts a user; empty when the username is taken. */
    public Optional<Long> insert(String username, String passwordHash, Collection<String> roles) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO staff_user (username, password_hash) VALUES (?, ?)
                     ON CONFLICT (username) DO NOTHING RETURNING id""")) {
            s.setString(1, username);
            s.setString(2, passwordHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long id = r.getLong(1);
                replaceRoles(c, id, roles);
                return Optional.of(id);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public void updatePassword(long id, String passwordHash) {
        update("UPDATE staff_user SET password_hash = ?, updated_at = now() WHERE id = ?", passwordHash, id);
    }

    public void updateEnabled(long id, boolean enabled) {
        update("UPDATE staff_user SET enabled = ?, updated_at = now() WHERE id = ?", enabled, id);
    }

    public void updateRoles(long id, Collection<String> roles) {
        try (Connection c = dataSource.getConnection()) {
            replaceRoles(c, id, roles);
            try (PreparedStatement s = c.prepareStatement("UPDATE staff_user SET updated_at = now() WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static void replaceRoles(Connection c, long id, Collection<String> roles) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM staff_user_role WHERE user_id = ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO staff_user_role (user_id, role) SELECT ?, unnest(?::text[])")) {
            delete.setLong(1, id);
            delete.executeUpdate();
            insert.setLong(1, id);
            insert.setArray(2, c.createArrayOf("text", roles.toArray()));
            insert.executeUpdate();
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private List<StaffAccount> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<StaffAccount> accounts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Array roles = r.getArray(6);
                    accounts.add(new StaffAccount(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4),
                            Set.copyOf(Arrays.asList((String[]) roles.getArray())),
                            r.getTimestamp(5).toInstant()));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
