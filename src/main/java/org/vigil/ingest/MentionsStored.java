package org.vigil.ingest;

/** Fired when a delivery stored new mentions, so later stages can pick them up without waiting for a poll. */
public record MentionsStored(int count) {
}
