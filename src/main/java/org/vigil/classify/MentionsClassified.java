package org.vigil.classify;

/**
 * A batch of mentions was classified and committed: later stages may look for work now instead of at
 * their next poll. Fired asynchronously; the database stays the record of what waits.
 */
public record MentionsClassified(int count) {
}
