package org.vigil.classify;

import java.util.Optional;
import java.util.UUID;

/** A stored mention awaiting classification: its text and the language its platform declared, if any. */
public record PendingMention(UUID id, String text, Optional<String> declaredLang) {
}
