package org.vigil.escalation;

import org.vigil.paging.PageCursor;

import java.util.List;
import java.util.Optional;

/** One page of emails in a state, newest first; {@code next} continues with older ones, empty on the last page. */
public record OutboxPage(List<OutboxEntry> emails, Optional<PageCursor> next) {

    public OutboxPage {
        emails = List.copyOf(emails);
    }
}
