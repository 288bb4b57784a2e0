package org.vigil.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.vigil.paging.PageCursor;

import java.util.List;
import java.util.Optional;

/**
 * One page of audit events, newest first; {@code next} continues with older ones, empty on the last page.
 * Clients get {@code next} as a link (the API's Link header, the page's Older events link), not in the body.
 */
public record AuditPage(List<AuditEvent> events, @JsonIgnore Optional<PageCursor> next) {

    public AuditPage {
        events = List.copyOf(events);
    }

    @JsonProperty
    public boolean hasMore() {
        return next.isPresent();
    }
}
