package org.vigil.audit;

import org.vigil.paging.PageCursor;
import org.vigil.paging.PageCursor.KeyPart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Filters of an audit search, every one optional, and where its page starts: just below {@code after}, or at
 * the newest event when empty. Events are newest first; a cursor keeps its place while new events arrive.
 */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<String> objectType,
                         Optional<String> objectId, Optional<Instant> from, Optional<Instant> to,
                         Optional<PageCursor> after, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;
    /** The list named in the audit log's cursors, so that a cursor of another list is refused. */
    public static final String CURSOR_LIST = "AUDIT";
    /** The sort key its cursors hold: the time and id of the last event shown. */
    public static final List<KeyPart> CURSOR_KEY = List.of(KeyPart.TIME, KeyPart.ID);

    public AuditQuery {
        actor = blankToEmpty(actor);
        action = blankToEmpty(action);
        objectType = blankToEmpty(objectType);
        objectId = blankToEmpty(objectId);
        pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
