package org.vigil.audit;

import java.time.Instant;
import java.util.Optional;

/** Filters of an audit search; every one is optional. {@code page} counts from 0, newest events first. */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<String> objectType,
                         Optional<String> objectId, Optional<Instant> from, Optional<Instant> to, int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;

    public AuditQuery {
        actor = blankToEmpty(actor);
        action = blankToEmpty(action);
        objectType = blankToEmpty(objectType);
        objectId = blankToEmpty(objectId);
        page = Math.max(0, page);
        pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
