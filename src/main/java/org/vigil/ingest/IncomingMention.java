package org.vigil.ingest;

import java.time.Instant;

/** A mention that passed validation and may be stored. Optional fields are null when the sender left them out. */
public record IncomingMention(
        Platform platform,
        String externalId,
        Long mpId,
        String mpHandle,
        String authorId,
        String authorHandle,
        String authorDisplayName,
        String text,
        String url,
        Instant postedAt,
        String inReplyTo,
        String declaredLang) {
}
