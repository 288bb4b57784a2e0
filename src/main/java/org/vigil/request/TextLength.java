package org.vigil.request;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Applies {@link TextLengthConfig} with the same words in every webhook. */
@ApplicationScoped
public class TextLength {

    private final int max;

    TextLength(TextLengthConfig config) {
        this.max = config.maxTextLength();
    }

    /** What to tell the sender when the text is too long; empty when it fits. */
    public Optional<String> problem(String text) {
        return text.length() <= max ? Optional.empty()
                : Optional.of("is %d characters; at most %d are accepted".formatted(text.length(), max));
    }
}
