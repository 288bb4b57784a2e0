package org.vigil.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored mention as staff read it. Every text field came from outside and is hostile until escaped.
 *
 * @param mpName    the MP's name; empty while the handle is not registered
 * @param rawSha256 hex SHA-256 of the delivery the mention came in: the evidence chain
 */
public record MentionRow(UUID id, String platform, String externalId, Optional<Long> mpId, Optional<String> mpName,
        Optional<String> mpHandle, Optional<String> authorId, Optional<String> authorHandle,
        Optional<String> authorDisplayName, @JsonIgnore String text, Optional<String> url, Instant postedAt, Instant receivedAt,
        Optional<String> inReplyTo, Optional<String> lang, String rawSha256, String state,
        Optional<String> modelVersion) {

    /** The URL when it may be shown as a link: http or https only, never javascript: or data:. */
    public Optional<String> safeUrl() {
        return url.filter(SafeLinks::isWebLink);
    }

    /** Who the mention is aimed at, for display: the MP's name, or the handle Vigil does not know yet. */
    public String target() {
        return mpName.or(() -> mpHandle).orElse("");
    }
}
