package org.vigil.directory;

/**
 * An MP account was registered. Fired synchronously inside the registering transaction, so mentions
 * already stored for the handle are attributed in the same commit.
 */
public record MpAccountRegistered(long mpId, String platform, String normalisedHandle) {
}
