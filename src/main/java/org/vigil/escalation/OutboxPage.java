package org.vigil.escalation;

import org.vigil.paging.PageCursor;
import org.vigil.paging.PageCursor.KeyPart;

import java.util.List;
import java.util.Optional;

/** One page of emails in a state, newest first; {@code next} continues with older ones, empty on the last page. */
public record OutboxPage(List<OutboxEntry> emails, Optional<PageCursor> next) {

    /** The sort key an email list's cursors hold: the creation time and id of the last email shown. */
    public static final List<KeyPart> CURSOR_KEY = List.of(KeyPart.TIME, KeyPart.ID);

    public OutboxPage {
        emails = List.copyOf(emails);
    }
}
