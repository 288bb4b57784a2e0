package org.vigil.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The mention format as documented in the OpenAPI description. Bodies are parsed by {@link MentionParser},
 * which reports each invalid field by JSON pointer; this record only describes the shape.
 */
@Schema(name = "Mention")
public record MentionDocument(
        @Schema(required = true, enumeration = {"x", "facebook", "instagram", "youtube", "tiktok", "bluesky", "mastodon", "email", "other"}) String platform,
        @Schema(required = true, description = "The platform's own id; (platform, externalId) is unique", maxLength = 256) String externalId,
        @Schema(description = "Vigil's MP id; give this or mpHandle") Long mp,
        @Schema(description = "The MP's account on the platform; unknown handles are stored as unregistered MP", maxLength = 256) String mpHandle,
        @Schema(required = true) Author author,
        @Schema(required = true, description = "May be empty; at most vigil.webhook.max-text-length (65,536) characters") String text,
        @Schema(description = "Absolute http(s) URL", maxLength = 2048) String url,
        @Schema(required = true, description = "RFC 3339 date-time with offset", example = "2026-11-28T10:00:00Z") String postedAt,
        @Schema(maxLength = 256) String inReplyTo,
        @Schema(description = "Language tag if the platform knows it", example = "fr") String lang) {

    @Schema(name = "MentionAuthor", description = "id or handle is required")
    public record Author(String id, String handle, String displayName) {
    }

    @Schema(name = "MentionBatch")
    public record Batch(@Schema(required = true, minItems = 1, maxItems = 500) List<MentionDocument> mentions) {
    }
}
