package org.vigil.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.paging.PageCursor;
import org.vigil.problem.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Owns {@code audit_event}: inserts, and searches. The table refuses every other statement. */
@ApplicationScoped
public class AuditRepository {

    private final AgroalDataSource dataSource;

    AuditRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(Instant at, String actor, String action, String objectType, String objectId,
                String beforeJson, String afterJson) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO audit_event (occurred_at, actor, action, object_type, object_id, before, after)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, actor);
            s.setString(3, action);
            s.setString(4, objectType);
            s.setString(5, objectId);
            s.setString(6, beforeJson);
            s.setString(7, afterJson);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * One page of the events the filters select, newest first, from just below the query's cursor. However deep
     * the page, the row comparison lets PostgreSQL seek to it: in audit_event_by_time (occurred_at, id), or in the
     * actor, action and object indexes by occurred_at, where an incremental sort orders the rare ties by id.
     */
    AuditPage search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, actor, action, object_type, object_id, before::text, after::text
                FROM audit_event WHERE true""");
        List<Object> parameters = new ArrayList<>();
        query.actor().ifPresent(actor -> condition(sql, parameters, " AND actor = ?", actor));
        query.action().ifPresent(action -> condition(sql, parameters, " AND action = ?", action));
        query.objectType().ifPresent(type -> condition(sql, parameters, " AND object_type = ?", type));
        query.objectId().ifPresent(id -> condition(sql, parameters, " AND object_id = ?", id));
        query.from().ifPresent(from -> condition(sql, parameters, " AND occurred_at >= ?", Timestamp.from(from)));
        query.to().ifPresent(to -> condition(sql, parameters, " AND occurred_at < ?", Timestamp.from(to)));
        query.after().ifPresent(after -> {
            sql.append(" AND (occurred_at, id) < (?, ?)");
            parameters.add(Timestamp.from(after.time(0)));
            parameters.add(after.number(1));
        });
        // One row more than the page tells whether an older page exists, without counting the whole log.
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        parameters.add(query.pageSize() + 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new AuditEvent(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
                            r.getString(4), Optional.ofNullable(r.getString(5)), Optional.ofNullable(r.getString(6)),
                            Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8))));
                }
            }
            if (events.size() <= query.pageSize()) {
                return new AuditPage(events, Optional.empty());
            }
            List<AuditEvent> shown = events.subList(0, query.pageSize());
            AuditEvent oldest = shown.get(shown.size() - 1);
            return new AuditPage(shown, Optional.of(PageCursor.of(AuditQuery.CURSOR_LIST, oldest.occurredAt(), oldest.id())));
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        sql.append(clause);
        parameters.add(value);
    }
}
