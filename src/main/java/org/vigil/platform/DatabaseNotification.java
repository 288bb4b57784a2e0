package org.vigil.platform;

/** A PostgreSQL notification: its channel and payload. */
public record DatabaseNotification(String channel, String payload) {
}
