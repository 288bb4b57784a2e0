package org.vigil.audit;

import java.util.List;

/** One page of audit events, newest first, and whether an older page follows. */
public record AuditPage(List<AuditEvent> events, int page, int pageSize, boolean hasMore) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
