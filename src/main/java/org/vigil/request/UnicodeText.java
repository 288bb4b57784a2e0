package org.vigil.request;

import java.util.Optional;

/**
 * Whether a string decoded from JSON is text at all. A JSON escape may hold half of a UTF-16 surrogate
 * pair ({@code "\ud800"}); such a string has no UTF-8 form, so the database would keep a replacement
 * character instead and what is stored would differ from what was sent. Such strings are refused.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    /** What to tell the sender when the string holds a lone surrogate; empty when it is well-formed. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode: a lone UTF-16 surrogate \\u%04x stands at character %d"
                        .formatted((int) c, i));
            }
        }
        return Optional.empty();
    }
}
