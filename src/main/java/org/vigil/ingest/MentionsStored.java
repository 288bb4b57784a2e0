package org.vigil.ingest;

/**
 * A delivery stored new mentions. Observers that act on it should observe {@code AFTER_SUCCESS}, so that
 * they run only once the mentions are committed and visible to other transactions.
 */
public record MentionsStored(int count) {
}
